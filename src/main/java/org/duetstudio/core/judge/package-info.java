/**
 * The judge, defined once for both front ends: {@link org.duetstudio.core.judge.JudgeSettings} (every
 * number the judge uses: samples, images per class, the seed, the latent map's class, the path's end
 * points, the CAS size), {@link org.duetstudio.core.judge.Judge} (runs the measures of {@code core.eval} on
 * a trained classifier and generator) and {@link org.duetstudio.core.judge.JudgeFindings} (what it found,
 * typed). The window schedules these calls and shows the findings; the command line writes them; the
 * report prints them.
 */
package org.duetstudio.core.judge;
