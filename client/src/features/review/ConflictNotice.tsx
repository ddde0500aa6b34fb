import { useId } from 'react';

export interface UnsavedSection {
  key: string;
  heading: string;
  text: string;
}

/**
 * After a 409 on autosave: the latest draft is shown in the editor, and what
 * the user typed but could not save stays here, read-only, to copy back in.
 */
export function ConflictNotice({ sections, onClose }: { sections: UnsavedSection[]; onClose(): void }) {
  const id = useId();
  return (
    <div className="panel conflict-notice" role="alert" aria-labelledby={`${id}-title`}>
      <p className="error-title" id={`${id}-title`}>
        Utkastet ändrades i ett annat fönster
      </p>
      <p>
        Någon annan, eller du själv i ett annat fönster, sparade ändringar medan du skrev. Den senaste versionen visas nu i utkastet. Din text som inte
        hann sparas finns kvar här nedan: kopiera in det du vill behålla.
      </p>
      {sections.map((s) => (
        <div className="field" key={s.key}>
          <label htmlFor={`${id}-${s.key}`}>Din osparade text under {s.heading}</label>
          <textarea id={`${id}-${s.key}`} rows={3} readOnly value={s.text} />
        </div>
      ))}
      <button type="button" className="secondary" onClick={onClose}>
        Stäng
      </button>
    </div>
  );
}
