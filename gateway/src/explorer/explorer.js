/* global React, ReactDOM, GraphiQL, document, window, fetch, sessionStorage, URL */
// The development explorer: GraphiQL with a "sign in as" picker of the demo users. Picking one
// asks the gateway for a short-lived development token (POST /dev/sign-in) and puts it in the
// Authorization header of the headers editor, where it can be read, changed or removed.
'use strict';

(function () {
  const h = React.createElement;
  const endpoint = new URL('/graphql', window.location.href).href;
  const fetcher = GraphiQL.createFetcher({ url: endpoint });
  const STORAGE_KEY = 'samen-sterk-explorer-user';
  const DEFAULT_QUERY = `# Welcome to the Samen Sterk GraphQL explorer (development only).
# Pick a demo user under "Sign in as" above: their token goes into the Authorization header
# (see "Headers" below). Then run this query with the play button or Ctrl-Enter.
{
  members(first: 3) {
    totalCount
    edges { node { name city keurmerk { status nextAuditDue } } }
  }
}
`;

  const headersFor = (token) => JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2);

  function Explorer() {
    const [users, setUsers] = React.useState([]);
    const [selected, setSelected] = React.useState('');
    const [headers, setHeaders] = React.useState(headersFor(null));
    const [status, setStatus] = React.useState('Not signed in: queries are answered UNAUTHENTICATED.');

    const signIn = React.useCallback(async (userId) => {
      setSelected(userId);
      if (!userId) {
        sessionStorage.removeItem(STORAGE_KEY);
        setHeaders(headersFor(null));
        setStatus('Signed out: queries are answered UNAUTHENTICATED.');
        return;
      }
      setStatus('Signing in…');
      try {
        const response = await fetch('/dev/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: userId }),
        });
        const answer = await response.json();
        if (!response.ok) throw new Error(answer.errors?.[0]?.message ?? `HTTP ${response.status}`);
        sessionStorage.setItem(STORAGE_KEY, userId);
        setHeaders(headersFor(answer.token));
        setStatus(
          `Signed in as ${answer.user.name} (${answer.user.roles.join(', ')}); the token lives ${answer.expiresIn}.`,
        );
      } catch (error) {
        setStatus(`Signing in failed: ${error.message}`);
      }
    }, []);

    React.useEffect(() => {
      fetch('/dev/demo-users')
        .then((response) => response.json())
        .then((answer) => {
          setUsers(answer.users);
          const remembered = sessionStorage.getItem(STORAGE_KEY);
          if (remembered && answer.users.some((user) => user.id === remembered)) void signIn(remembered);
        })
        .catch(() => setStatus('The demo users could not be loaded.'));
    }, [signIn]);

    const picker = h(
      'header',
      { className: 'ss-bar' },
      h('h1', null, 'Samen Sterk explorer'),
      h('label', { htmlFor: 'ss-user' }, 'Sign in as'),
      h(
        'select',
        { id: 'ss-user', value: selected, onChange: (event) => void signIn(event.target.value) },
        h('option', { value: '' }, '— nobody —'),
        users.map((user) =>
          h(
            'option',
            { key: user.id, value: user.id },
            `${user.name} (${user.roles.join(', ')}${user.memberId ? `, ${user.memberId}` : ''})`,
          ),
        ),
      ),
      h('p', { className: 'ss-status', role: 'status' }, status),
    );
    return h(
      'div',
      { className: 'ss-layout' },
      picker,
      h(
        'main',
        { className: 'ss-graphiql' },
        h(GraphiQL, {
          fetcher,
          headers,
          defaultQuery: DEFAULT_QUERY,
          shouldPersistHeaders: false,
          defaultEditorToolsVisibility: 'headers',
        }),
      ),
    );
  }

  ReactDOM.createRoot(document.getElementById('explorer')).render(h(Explorer));
})();
