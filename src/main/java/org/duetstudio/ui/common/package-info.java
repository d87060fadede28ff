/** Pieces every pane uses: the batched event relay, the run view model, run controls, spec property sheets, images, explanations, the stall meter, background tasks and the UI thread they report to. */
package org.duetstudio.ui.common;
