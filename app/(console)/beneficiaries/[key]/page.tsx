import { can } from "@/lib/auth/permissions";
import { Forbidden } from "@/components/ui/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { BeneficiaryPage } from "@/components/beneficiaries/beneficiary-page";
import { NotesPanel } from "@/components/notes/notes-panel";
import { consolePage } from "../../page-access";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("beneficiaries"))("title") };
}

// One beneficiary (docs/INVESTIGATION.md "A page per beneficiary"). The key is the opaque ben_ id,
// never an account number.
export default async function Page({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const { user, allowed } = await consolePage(
    "operations.read",
    `/beneficiaries/${encodeURIComponent(key)}`,
  );
  if (!allowed) return <Forbidden role={user.role} permission="operations.read" />;
  const t = await getTranslations("beneficiaries");
  return (
    <>
      <PageHeader title={t("title")} description={key} />
      <div className="space-y-6">
        <BeneficiaryPage beneficiaryKey={key} canReveal={can(user.role, "pii.reveal")} />
        <NotesPanel
          target={{ targetType: "beneficiary", targetId: key }}
          canWrite={can(user.role, "notes.write")}
          userId={user.id}
        />
      </div>
    </>
  );
}
