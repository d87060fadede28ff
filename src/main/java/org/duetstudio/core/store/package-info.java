/** Writing results: JSON, atomic files, provenance records, PNG grids, the run recorder (metrics JSON and CSV). */
package org.duetstudio.core.store;
