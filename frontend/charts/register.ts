/**
 * The chart.js parts the charts use, registered once: only these are bundled (chart.js is
 * tree-shaken by what is imported here). Fonts follow the Airtable UI's system font, at 12 px at
 * least (no text under 12 px in the extension).
 */
import {BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

Chart.defaults.font.family = "-apple-system, system-ui, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', Arial, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#4d4d4d';
// Results are read, not watched: charts appear at once, and a 10k run is not redrawn 60 times.
Chart.defaults.animation = false;

export {Chart};
