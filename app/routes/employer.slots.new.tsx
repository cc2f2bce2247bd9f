/** Post a slot: saved as a draft or published at once. Works without JavaScript. */
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
import { slotFormOptions } from '~/employers/slot-form-options.server';
import { createSlot } from '~/employers/slots.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { readFormData } from '~/lib/http.server';
import { z } from 'zod';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: skillPickerStyles },
  { rel: 'stylesheet', href: skillSuggestionsStyles },
  { rel: 'stylesheet', href: slotFormStyles },
];
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const lang = await resolveLocale(request, context);
  return { lang, options: await slotFormOptions(context.services, actor, lang) };
}

/**
 * The slot and which button sent it: publish at once or keep as a draft. No
 * button (a form sent by pressing Enter in some browsers, or a script) keeps
 * a draft, the choice that shows nothing to anyone.
 */
const newSlotFormSchema = slotInputSchema.safeExtend({ intent: z.enum(['publish', 'draft'], { message: 'choose' }).default('draft') });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = employerActorOf(await requireUser(request, context, ['employer']));
  const submission = parseSubmission(await readFormData(request), newSlotFormSchema);
  // A button's intent (suggested skills shown or added, without JavaScript) comes back with status undefined: not an error.
  if (submission.status !== 'success') return data(submission.reply(), { status: submission.status === 'error' ? 400 : 200 });
  const { intent, ...slotInput } = submission.value;
  try {
    const slot = await createSlot(context.services, actor, slotInput, { publish: intent === 'publish' });
    return redirect(`/employer/slots/${slot.id}`);
  } catch (error) {
    const fieldErrors = fieldErrorsOf(error);
    if (!fieldErrors) throw error;
    return data(submission.reply({ fieldErrors }), { status: 400 });
  }
}

export default function NewSlot() {
  const { t } = useTranslation('employer');
  const { lang, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section aria-labelledby="slot-title">
      <p>
        <Link to="/employer">{t('slot.back')}</Link>
      </p>
      <h1 id="slot-title">{t('slot.newTitle')}</h1>
      <SlotForm
        options={options}
        lang={lang}
        lastResult={lastResult}
        defaultValue={{ positions: '1', workplaceId: options.workplaces[0]?.value }}
        submits={[
          { intent: 'publish', label: t('slot.saveAndPublish'), primary: true },
          { intent: 'draft', label: t('slot.saveDraft') },
        ]}
      />
    </section>
  );
}
