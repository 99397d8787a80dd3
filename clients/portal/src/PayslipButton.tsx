import { Button, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { errorSentence } from './errors';
import { downloadPayslip } from './pdf';

export function PayslipButton({ id, label }: { id: string; label: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button
        size="xs"
        variant="outline"
        loading={busy}
        aria-label={label}
        onClick={() => {
          setBusy(true);
          setProblem(null);
          downloadPayslip(client, id)
            .catch((error: CombinedError | Error) => setProblem(errorSentence(error, t, i18n.language)))
            .finally(() => setBusy(false));
        }}
      >
        {t('payroll.pdf')}
      </Button>
      {problem && (
        <Text size="sm" c="#b02a21" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
}
