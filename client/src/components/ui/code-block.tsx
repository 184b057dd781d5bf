import { useId, useState } from 'react';
import { CopyButton } from './copy-button';

export interface CodeSample {
  id: string;
  label: string;
  code: string;
}

/** Code samples in tabs (curl / Python / JS …) with a one-click copy. */
export function CodeTabs({
  samples,
  label,
  testId,
}: {
  samples: CodeSample[];
  label: string;
  testId?: string;
}) {
  const [active, setActive] = useState(samples[0]?.id);
  const baseId = useId();
  const current = samples.find((s) => s.id === active) ?? samples[0];
  if (!current) return null;
  return (
    <div className="code" data-testid={testId}>
      <div className="code__bar">
        <div className="segmented" role="tablist" aria-label={label}>
          {samples.map((sample) => (
            <button
              key={sample.id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${sample.id}`}
              aria-selected={sample.id === current.id}
              aria-controls={`${baseId}-panel`}
              tabIndex={sample.id === current.id ? 0 : -1}
              onClick={() => setActive(sample.id)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
                const index = samples.findIndex((s) => s.id === current.id);
                const next =
                  samples[(index + (event.key === 'ArrowRight' ? 1 : samples.length - 1)) % samples.length];
                setActive(next.id);
                document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
              }}
            >
              {sample.label}
            </button>
          ))}
        </div>
        <CopyButton text={current.code} testId={testId ? `${testId}-copy` : undefined} />
      </div>
      <pre
        id={`${baseId}-panel`}
        role="tabpanel"
        aria-labelledby={`${baseId}-tab-${current.id}`}
        tabIndex={0}
      >
        <code>{current.code}</code>
      </pre>
    </div>
  );
}

export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="code">
      <div className="code__bar">
        <span className="eyebrow">{label}</span>
        <CopyButton text={code} />
      </div>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
