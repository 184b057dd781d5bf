import { motion, useReducedMotion } from 'motion/react';
import { useEffect, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';

const easeOut = [0.22, 1, 0.36, 1] as const;

/** Sets the tab title: "<page> · OneAI Hub" (null: the brand alone; undefined: leave it). */
export function useDocumentTitle(title: string | null | undefined) {
  const t = useT();
  useEffect(() => {
    if (title === undefined) return;
    document.title = title ? `${title} · ${t('brand.name')}` : t('brand.name');
  }, [title, t]);
}

/** A page that fades and rises in; with reduced motion, opacity only. */
export function Page({ title, children }: { title?: string | null; children: ReactNode }) {
  useDocumentTitle(title);
  const reduce = useReducedMotion();
  return (
    <motion.div
      className="page"
      initial={{ opacity: 0, y: reduce ? 0 : 12 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ duration: 0.56, ease: easeOut }}
    >
      {children}
    </motion.div>
  );
}

/** A section that rises 12px once when scrolled into view. */
export function Reveal({
  children,
  className = 'section',
  as = 'section',
  ...rest
}: {
  children: ReactNode;
  className?: string;
  as?: 'section' | 'div';
  'aria-labelledby'?: string;
  'aria-label'?: string;
}) {
  const reduce = useReducedMotion();
  const Component = as === 'div' ? motion.div : motion.section;
  return (
    <Component
      className={className}
      initial={{ opacity: 0, y: reduce ? 0 : 12 }}
      whileInView={{ opacity: 1, y: 0 }}
      viewport={{ once: true, margin: '0px 0px -40px 0px' }}
      transition={{ duration: 0.32, ease: easeOut }}
      {...rest}
    >
      {children}
    </Component>
  );
}

/** List items that enter in a calm stagger. */
export const listContainer = {
  hidden: {},
  show: { transition: { staggerChildren: 0.04 } },
};
export const listItem = {
  hidden: { opacity: 0, y: 8 },
  show: { opacity: 1, y: 0, transition: { duration: 0.32, ease: easeOut } },
};
export const listItemReduced = {
  hidden: { opacity: 0 },
  show: { opacity: 1, transition: { duration: 0.2 } },
};

export function PageHead({
  eyebrow,
  title,
  lead,
  children,
}: {
  eyebrow?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-head">
      {eyebrow ? <span className="eyebrow">{eyebrow}</span> : null}
      <h1>{title}</h1>
      {lead ? <p>{lead}</p> : null}
      {children}
    </header>
  );
}
