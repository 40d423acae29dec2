import { ShareButton } from '../stars';
import { ExportMenu, PrintButton, TOOL_BUTTON, type TalkList } from './export-menu';

/** Share, export and print a list of talks (the starred ones, a filtered view). */
export function ListTools({ title, talks, conferences }: TalkList) {
  if (talks.length === 0) return null;
  return (
    <>
      <ShareButton ids={talks.map((talk) => talk.id)} className={TOOL_BUTTON} />
      <ExportMenu title={title} talks={talks} conferences={conferences} />
      <PrintButton />
    </>
  );
}
