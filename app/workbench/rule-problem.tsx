/**
 * A refused action on a consultant page, in the consultant's language: the
 * rule's own text from the workbench namespace (`rule.<id>`), its legal
 * source, and the detail the domain gave (dates), instead of an English rule
 * code inside the Danish interface.
 */
import { useTranslation } from 'react-i18next';
import type { FormProblem } from '~/consultants/form-errors.server';
import { ruleDetailText } from './rule-detail';
import { ruleTextKeys } from './rule-text';

/** `id`: when the problem is a field's (a date a rule refused), the id its control's aria-describedby names. */
export function RuleProblem({ problem, id }: { problem: FormProblem; id?: string }) {
  const { t } = useTranslation('workbench');
  if (!problem.rule)
    return (
      <p id={id} role="alert" className="alert">
        {problem.message}
      </p>
    );
  return (
    <div id={id} role="alert" className="alert rule-problem">
      <p>
        <strong>{t(ruleTextKeys('rule', problem.rule), { defaultValue: problem.rule })}</strong>
      </p>
      <p className="rule-problem__detail">
        {ruleDetailText(t, problem.detail, problem.message)}
        {problem.source ? ` · ${t('rule.sourceLabel')}: ${problem.source}` : ''}
      </p>
    </div>
  );
}
