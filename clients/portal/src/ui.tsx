import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from './errors';

/** A page: its one <h1> (focused when the page opens, so a screen reader announces it) and title. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Samen Sterk`;
    heading.current?.focus();
  }, [title]);
  return (
    <Stack gap="lg">
      <Title order={1} ref={heading} tabIndex={-1} className="page-title">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** An API error as a sentence, announced to screen readers. */
export function ErrorNotice({ error, title }: { error: CombinedError | Error | null | undefined; title?: string }) {
  const { t, i18n } = useTranslation();
  const text = describeApiError(error, t, i18n.language);
  if (!text) return null;
  return (
    <Alert color="#b02a21" variant="outline" title={title ?? t('errors.title')} role="alert">
      <Text size="sm">
        {text.sentence}
        {text.field && <> {t('errors.field', { field: text.field })}</>}
      </Text>
      {text.detail && (
        <Text size="sm" mt={4}>
          {t('errors.detail')}: <span lang="en">{text.detail}</span>
        </Text>
      )}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <span className="loading-label">{label ?? t('common.loading')}</span>
    </Center>
  );
}

/** Nodes of a connection. */
export const nodes = <Node,>(connection: { edges: { node: Node }[] } | null | undefined): Node[] =>
  connection?.edges.map((edge) => edge.node) ?? [];
