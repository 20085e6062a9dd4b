import type { JSX } from 'react';
import type { IpcError } from '../../../electron/ipc/contract';

const TITLES: Readonly<Record<IpcError['code'], string>> = {
  validation: 'The request was refused',
  not_found: 'Not found',
  forbidden: 'Not allowed',
  conflict: 'A newer version is already saved',
  internal: 'Something went wrong',
};

export function ErrorNotice(props: { readonly what: string; readonly error: IpcError; readonly onRetry?: () => void }): JSX.Element {
  return (
    <div className="notice notice-error" role="alert">
      <strong>
        {TITLES[props.error.code]}: {props.what}
      </strong>
      <p>{props.error.message}</p>
      {props.error.issues !== undefined && props.error.issues.length > 0 && (
        <ul>
          {props.error.issues.map((issue, index) => (
            <li key={index}>
              {issue.path === '' ? '' : `${issue.path}: `}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {props.onRetry !== undefined && (
        <button type="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
