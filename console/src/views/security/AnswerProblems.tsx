import type { Answer } from "../../api/client.js";
import { DeniedPanel } from "../../components/DeniedPanel.js";
import { ErrorList } from "../../components/ErrorList.js";

/** A panel's answer gone wrong: denied fields as "not shared with you — apply", every other coded error listed. */
export function AnswerProblems({ answer }: { readonly answer: Answer<unknown> | null }) {
  if (!answer) return null;
  const others = answer.errors.filter((e) => e.extensions?.code !== "SHARE_DENIED");
  return (
    <>
      <DeniedPanel answer={answer} />
      <ErrorList errors={others} requestId={answer.requestId} />
    </>
  );
}
