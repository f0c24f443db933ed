/**
 * The SpF operator's command line: the same services as the admin API, on the configured
 * database. `npm run admin -- help` lists the commands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { migrateToLatest, openDatabase } from '../db/connection';
import { AppError } from '../errors';
import { errorMessage } from '../../shared/errors/catalogue';
import { systemClock } from '../clock';
import { findOfficineByFiness, listOfficines } from '../repositories/officines-repository';
import { listPharmacistsOfOfficine } from '../repositories/pharmacists-repository';
import { createServices } from '../services/index';
import { zSessionShiftInput } from '../../shared/schemas/admin';
import { TRPCError } from '@trpc/server';
import { appRouter } from '../api/router';
import { createCallerFactory } from '../api/trpc';
import { describeError } from '../api/error-mapping';

const help = `Commandes :
  admin-token [--label NOM]                      crée un identifiant administrateur (affiché une seule fois)
  demo-token [--finess FINESS]                   (développement) jeton d'un pharmacien de démonstration
  officines                                      liste les officines
  sessions                                       liste les sessions
  session --id ID                                détail d'une session (produits, plafonds, stocks)
  shift-session --id ID [--opens ISO] [--closes ISO] [--confirmation ISO]
  close-allocate --id ID [--now]                 ferme (avec --now) et alloue une session
  import-deliveries --id ID --file FICHIER.csv   importe un fichier de livraisons du grossiste
  export-orders --id ID [--out FICHIER.csv]      exporte les commandes d'une session (CSV)
  tickets                                        liste les demandes de support
  call PROCÉDURE [--input JSON]                  appelle une procédure admin de l'API, p. ex.
                                                 call admin.sessions.setProductRules --input '{"sessionId":2,...}'`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    label: { type: 'string' },
    finess: { type: 'string' },
    opens: { type: 'string' },
    closes: { type: 'string' },
    confirmation: { type: 'string' },
    file: { type: 'string' },
    out: { type: 'string' },
    now: { type: 'boolean', default: false },
    input: { type: 'string' },
  },
});

const config = loadConfigOrExit();
const { db, close } = openDatabase(config.database);
const services = createServices({ db, config, clock: systemClock });
const actor = { kind: 'admin' as const, tokenId: null };

function sessionId(): number {
  const id = Number(values.id);
  if (!Number.isInteger(id) || id <= 0) throw new Error('--id ID attendu (un entier positif)');
  return id;
}

async function run(command: string): Promise<void> {
  switch (command) {
    case 'admin-token': {
      const { token, expiresAt } = await services.auth.issueAdminToken(values.label ?? 'cli');
      console.log(token);
      console.error(`Identifiant administrateur valable jusqu'au ${expiresAt}. Il n'est pas conservé en clair : notez-le.`);
      return;
    }
    case 'demo-token': {
      if (config.env === 'production') throw new Error('demo-token est réservé au développement.');
      const officine = values.finess ? await findOfficineByFiness(db, values.finess) : (await listOfficines(db))[0];
      if (!officine) throw new Error('Officine inconnue (lancez npm start une fois pour créer les données de démonstration).');
      const [pharmacist] = await listPharmacistsOfOfficine(db, officine.id);
      if (!pharmacist) throw new Error(`Aucun pharmacien pour l'officine ${officine.finess}.`);
      const { token, expiresAt } = await services.auth.issuePharmacistToken(pharmacist.id, officine.id, 'dev');
      console.log(token);
      console.error(`${pharmacist.first_name} ${pharmacist.last_name}, ${officine.name} (${officine.finess}), valable jusqu'au ${expiresAt}.`);
      return;
    }
    case 'officines':
      for (const o of await listOfficines(db)) console.log(`${o.id}\t${o.finess}\t${o.kind}\t${o.name}\t${o.email ?? '(pas d’e-mail)'}`);
      return;
    case 'sessions':
      for (const s of await services.sessions.list()) console.log(`${s.id}\t${s.status}\t${s.opensAt} → ${s.closesAt}\tconfirmation ${s.confirmationAt}\t${s.label}`);
      return;
    case 'session':
      console.log(JSON.stringify(await services.sessions.get(sessionId()), null, 2));
      return;
    case 'shift-session': {
      const input = zSessionShiftInput.parse({ sessionId: sessionId(), opensAt: values.opens, closesAt: values.closes, confirmationAt: values.confirmation });
      console.log(JSON.stringify(await services.sessions.shift(input, actor), null, 2));
      return;
    }
    case 'close-allocate':
      console.log(JSON.stringify(await services.allocation.closeAndAllocate(sessionId(), { closeNow: values.now ?? false }, actor), null, 2));
      return;
    case 'import-deliveries': {
      if (!values.file) throw new Error('--file FICHIER.csv attendu');
      console.log(JSON.stringify(await services.deliveries.importCsv(sessionId(), readFileSync(values.file, 'utf8'), actor)));
      return;
    }
    case 'export-orders': {
      const { filename, csv } = await services.exports.sessionOrdersCsv(sessionId());
      if (values.out) {
        writeFileSync(values.out, csv);
        console.error(`${filename} écrit dans ${values.out}`);
      } else process.stdout.write(csv);
      return;
    }
    case 'tickets':
      for (const t of await services.support.list()) console.log(`${t.id}\t${t.createdAt}\t${t.motif}\t${t.errorCode ?? '-'}\t${t.contactEmail}\t${t.message.slice(0, 80)}`);
      return;
    case 'call': {
      const path = positionals[1];
      if (!path?.startsWith('admin.')) throw new Error('call admin.<procédure> attendu (seules les procédures admin sont ouvertes ici)');
      console.log(JSON.stringify(await callAdminProcedure(path, values.input ? (JSON.parse(values.input) as unknown) : undefined), null, 2));
      return;
    }
    default:
      console.log(help);
      if (command !== 'help') process.exitCode = 2;
  }
}

/**
 * Runs an admin procedure through the API's own router, so the CLI gets exactly the API's
 * validation and rules; a short-lived admin credential is issued for the call and revoked.
 */
async function callAdminProcedure(path: string, input: unknown): Promise<unknown> {
  const { token } = await services.auth.issueAdminToken('cli');
  const caller = createCallerFactory(appRouter)({ services, config, authorization: `Bearer ${token}`, lang: 'fr', requestId: 'cli', ip: '127.0.0.1' });
  let target: unknown = caller;
  for (const part of path.split('.')) target = (target as Record<string, unknown> | undefined)?.[part];
  if (typeof target !== 'function') throw new Error(`Procédure inconnue : ${path}`);
  try {
    return await (target as (input: unknown) => Promise<unknown>)(input);
  } catch (error) {
    if (error instanceof TRPCError) {
      const described = describeError(error, 'fr');
      throw new Error(`${described.appCode} : ${described.message}${described.details ? `\n${JSON.stringify(described.details, null, 2)}` : ''}${described.fieldErrors ? `\n${JSON.stringify(described.fieldErrors, null, 2)}` : ''}`, { cause: error });
    }
    throw error;
  } finally {
    const principal = await services.auth.authenticate(`Bearer ${token}`);
    await services.auth.revoke(principal.tokenId);
  }
}

try {
  await migrateToLatest(db);
  await run(positionals[0] ?? 'help');
} catch (error) {
  if (error instanceof AppError) {
    console.error(`${error.code} : ${errorMessage(error.code, 'fr', error.params)}`);
    if (error.details) console.error(JSON.stringify(error.details, null, 2));
  } else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await close();
}
