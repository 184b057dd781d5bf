import { useT, type MessageKey } from '@/lib/i18n';

export function useCapabilityLabel() {
  const t = useT();
  return (capability: string) => {
    const key = `capability.${capability}` as MessageKey;
    const label = t(key);
    return label === key || !label ? capability.replace(/_/g, ' ') : label;
  };
}

export function CapabilityPills({ capabilities, max }: { capabilities: string[]; max?: number }) {
  const label = useCapabilityLabel();
  const shown = max ? capabilities.slice(0, max) : capabilities;
  const rest = capabilities.length - shown.length;
  if (capabilities.length === 0) return null;
  return (
    <ul className="pills" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {shown.map((c) => (
        <li key={c} className="pill">
          {label(c)}
        </li>
      ))}
      {rest > 0 ? <li className="pill">+{rest}</li> : null}
    </ul>
  );
}
