/** On the consultant's candidate page: the candidate's own words waiting for review, with the way to the mapping page. */
import { Link } from '@remix-run/react';
import { MessageSquareText } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function FreeSkillsNotice({
  candidateId,
  waiting,
}: {
  candidateId: string;
  waiting: ReadonlyArray<{ id: string; text: string; lang: string }>;
}) {
  const { t } = useTranslation('skills');
  if (waiting.length === 0) return null;
  return (
    <div className="free-skills-notice">
      <h3>{t('review.sectionTitle')}</h3>
      <ul>
        {waiting.map((item) => (
          <li key={item.id}>
            “
            <bdi lang={item.lang} dir="auto">
              {item.text}
            </bdi>
            ”
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/consultant/free-skills?candidate=${candidateId}`} className="icon-text">
          <MessageSquareText aria-hidden="true" size={18} />
          {t('review.sectionLink', { count: waiting.length })}
        </Link>
      </p>
    </div>
  );
}
