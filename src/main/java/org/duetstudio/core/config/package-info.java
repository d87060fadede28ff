/** Validated spec records (ClassifierSpec, GeneratorSpec) whose Doc annotations describe and bound every field; they round-trip through JSON for provenance. */
package org.duetstudio.core.config;
