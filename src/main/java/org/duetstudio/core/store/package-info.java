/**
 * Files: JSON, atomic writes (forced to disk, normal permissions), provenance records, PNG grids, the
 * run recorder (metrics JSON and CSV), training events as JSON ({@link
 * org.duetstudio.core.store.StoredEvents}), session files (read through {@code BoundedZip}: only the
 * entry names a session defines, each within a size limit, so a crafted file or a zip bomb gets one
 * sentence), recent items and the HTML page builder.
 */
package org.duetstudio.core.store;
