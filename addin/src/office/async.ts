/** Turns an Office.js callback-style call into a promise that rejects on a failed AsyncResult. */
export function officeAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? "Office call failed"));
      else resolve(result.value);
    });
  });
}
