import { gql, type Client } from 'urql';

const PAYSLIP_PDF = gql`
  query PayslipPdf($id: ID!) {
    payslipPdf(id: $id) {
      fileName
      contentType
      base64
    }
  }
`;

/** Fetches a payslip's PDF through the gateway and hands it to the browser as a download. */
export async function downloadPayslip(client: Client, id: string): Promise<void> {
  const result = await client
    .query<{ payslipPdf: { fileName: string; contentType: string; base64: string } | null }>(
      PAYSLIP_PDF,
      { id },
      { requestPolicy: 'network-only' },
    )
    .toPromise();
  if (result.error) throw result.error;
  const file = result.data?.payslipPdf;
  if (!file) throw new Error('no PDF');
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
