/**
 * Prompted generation: a prompt ("a sneaker", "two bags") read against the loaded data's class names,
 * their plurals and a plain file of synonyms, into a class and a count for any class-conditional
 * generator.
 */
package org.duetstudio.core.prompt;
