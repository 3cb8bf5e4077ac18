/** Times New Roman's advance widths: moved to the model (shared with the preview); kept here for the writer's imports. */
export { textWidth } from '../../model/text-metrics';
