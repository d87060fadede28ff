/**
 * The application layer both front ends call. A side's finished run ({@link
 * org.duetstudio.core.studio.FinishedRun}: {@link org.duetstudio.core.studio.ClassifierRun}, {@link
 * org.duetstudio.core.studio.GeneratorRun} — spec with seed, events, trained model) and the pair of them
 * with the judge's findings ({@link org.duetstudio.core.studio.RunPair}), the one structure the window
 * shows, a session saves, a run folder holds and the report prints; training both sides into a {@link
 * org.duetstudio.core.studio.RunFolder} written as it goes, so that a killed run resumes from its last
 * checkpoint ({@link org.duetstudio.core.studio.PairTraining}); sessions ({@link
 * org.duetstudio.core.studio.Sessions}); the one check that recorded data is still the data ({@link
 * org.duetstudio.core.studio.RecordedData}); and where two runs' numbers differ ({@link
 * org.duetstudio.core.studio.RunComparison}).
 */
package org.duetstudio.core.studio;
