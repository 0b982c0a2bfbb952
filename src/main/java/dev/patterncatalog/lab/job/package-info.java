/**
 * Long-running lab jobs: started, followed and cancelled over HTTP.
 */
@NullMarked
package dev.patterncatalog.lab.job;

import org.jspecify.annotations.NullMarked;
