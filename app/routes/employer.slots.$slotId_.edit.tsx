/** Edit a draft or published slot. Works without JavaScript. */
import { parseSubmission } from '~/lib/form-submission';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/session.server';
import { fieldErrorsOf } from '~/employers/form-errors.server';
import { employerActorOf } from '~/employers/organisations.server';
import { slotInputSchema } from '~/employers/schemas';
import { skillPickerStyles } from '~/components/skill-picker';
import { skillSuggestionsStyles } from '~/components/skill-suggestions';
import { SlotForm, slotFormStyles } from '~/employers/slot-form';
import { slotFormDefaults, slotFormOptions } from '~/employers/slot-form-options.server';
import { getSlot, updateSlot } from '~/employers/slots.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { jsonError, readFormData } from '~/lib/http.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: skillPickerStyles },
  { rel: 'stylesheet', href: skillSuggestionsStyles },
  { rel: 'stylesheet', href: slotFormStyles },
];
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const lang = await resolveLocale(request, context);
  const slot = await getSlot(context.services, actor, params.slotId ?? '').catch((error: unknown) => {
    throw jsonError(error, context.services.logger);
  });
  return {
    lang,
    slot: { id: slot.id, title: slot.title },
    defaults: slotFormDefaults(slot),
    options: await slotFormOptions(context.services, actor, lang),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const submission = parseSubmission(await readFormData(request), slotInputSchema);
  // A button's intent (suggested skills shown or added, without JavaScript) comes back with status undefined: not an error.
  if (submission.status !== 'success') return data(submission.reply(), { status: submission.status === 'error' ? 400 : 200 });
  try {
    const slot = await updateSlot(context.services, actor, params.slotId ?? '', submission.value);
    return redirect(`/employer/slots/${slot.id}`);
  } catch (error) {
    const fieldErrors = fieldErrorsOf(error);
    if (!fieldErrors) throw jsonError(error, context.services.logger);
    return data(submission.reply({ fieldErrors }), { status: 400 });
  }
}

export default function EditSlot() {
  const { t } = useTranslation('employer');
  const { lang, slot, defaults, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section aria-labelledby="slot-title">
      <p>
        <Link to={`/employer/slots/${slot.id}`}>{slot.title}</Link>
      </p>
      <h1 id="slot-title">{t('slot.editTitle')}</h1>
      <SlotForm
        options={options}
        lang={lang}
        lastResult={lastResult}
        defaultValue={defaults}
        submits={[{ intent: 'save', label: t('slot.save'), primary: true }]}
      />
    </section>
  );
}
