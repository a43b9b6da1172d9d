import type { statisticsFr } from '@/features/statistics/locales/fr';
import type { Translations } from '@/locales/fr';

export const statisticsEn: Translations<typeof statisticsFr> = {
  page: {
    title: 'Statistics',
    intro: 'Incidents and equipment availability over a period, computed from the status history.',
    loading: 'Computing the statistics…',
  },
  period: {
    legend: 'Period',
    last12: 'Last 12 months',
    year: 'Calendar year',
    custom: 'Any dates',
    chooseYear: 'Year',
    from: 'From',
    to: 'To',
    show: 'Show',
    shown: 'From {{from}} to {{to}} (days in universal time, UTC).',
  },
  incidents: {
    title: 'Incidents per day',
    summary_one: '{{count}} incident in the period.',
    summary_other: '{{count}} incidents in the period.',
    busiest_one: 'Busiest day: {{day}} ({{count}} incident).',
    busiest_other: 'Busiest day: {{day}} ({{count}} incidents).',
    none: 'No incident in the period.',
    label: 'Incidents',
    figures: 'See the incidents per month',
    month: 'Month',
    count: 'Incidents',
  },
  equipment: {
    title: 'Per piece of equipment',
    caption: 'Incidents, time to resolve and availability of each piece of equipment over the period',
    name: 'Equipment',
    building: 'Building',
    incidents: 'Incidents',
    mean: 'Mean time to resolve',
    max: 'Longest time to resolve',
    availability: 'Availability',
    none: 'No equipment followed in the period.',
    retired: 'retired',
    noValue: '—',
    unresolved: 'none resolved',
  },
  formula: {
    title: 'How availability is computed',
    text: "Availability = time the equipment was shown as operational or maintenance ÷ time it was in the period, from its status intervals. Time in the period starts when the equipment's history does (its installation, or an earlier incident back-dated on it) and ends at its retirement, or now for a period still running. Each interval is counted once however many incidents overlapped in it, and only for its part inside the period, so an incident that began before the period counts for its overlap. Periods run from 00:00 UTC on the first day to 24:00 UTC on the last.",
    published: 'The formula as the service publishes it',
  },
};
