// The one chart library (Chart.js), with only the pieces our charts draw. It is imported
// dynamically by chart.tsx, so it is a chunk of its own that only pages with a chart fetch.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export { Chart };
