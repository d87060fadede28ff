/**
 * Between the two sides, the judge: its view models — {@link org.duetstudio.ui.compare.JudgeViewModel}
 * holding the live verdict ({@link org.duetstudio.ui.compare.ConfidenceViewModel}), the findings of {@code
 * core.judge} ({@link org.duetstudio.ui.compare.FindingsViewModel}), CAS ({@link
 * org.duetstudio.ui.compare.CasViewModel}) and the drawing pad, which also answers
 * about an image file of one's own ("ask the classifier", {@link
 * org.duetstudio.ui.compare.DrawingPadViewModel#ask}) — and its pane, one class per tab (verdict, label
 * fidelity, CAS, memorisation, latent map, interpolation, drawing pad), registered in {@link
 * org.duetstudio.ui.compare.JudgePane}.
 */
package org.duetstudio.ui.compare;
