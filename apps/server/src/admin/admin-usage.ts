export const adminUsage = `genhub admin: manage accounts on the data directory (DATA_DIR), with or without the server running.

  pnpm admin create-user --email EMAIL [--name NAME] [--admin] [--password PASSWORD | --password-stdin]
      Creates a user (a member unless --admin). Without a password, one is generated and printed.
  pnpm admin reset-password --email EMAIL [--password PASSWORD | --password-stdin]
      Sets a new password (generated and printed when none is given) and ends the user's sessions.
  pnpm admin create-key --email EMAIL --name NAME [--scopes read,generate,admin] [--expires-days N]
      Creates an API key for the user and prints it once (scopes default to read,generate).`;
