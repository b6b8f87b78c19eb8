import { z } from "zod";
import { present, ZIso } from "./wire";

// Saved views of a list (GET/POST /api/views, DELETE /api/views/[id]): mine and the shared ones.
export const ZViewList = z.object({
  views: z.array(
    z.object({
      id: z.string(),
      list: z.string(),
      name: z.string(),
      query: z.string(),
      shared: z.boolean(),
      mine: z.boolean(),
      ownerEmail: z.string(),
      createdAt: ZIso,
    }),
  ),
});
export type TViewList = z.infer<typeof ZViewList>;
export function presentViews(v: unknown): TViewList {
  return present(ZViewList, v);
}
