import { reportUrl } from './api';

/** The report for the chosen period as a file; the same report as `npm run report`. */
export function ExportButtons({ from, to }: { from: string; to: string }) {
  return (
    <p className="actions">
      <a className="button" href={reportUrl(from, to, 'xlsx')} download>
        Ladda ner rapport (XLSX)
      </a>{' '}
      <a className="button secondary" href={reportUrl(from, to, 'md')} download>
        Ladda ner rapport (Markdown)
      </a>
    </p>
  );
}
