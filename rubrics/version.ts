/**
 * The grader's version, stored with every attempt so a report can be reproduced: grading the
 * stored diagram with this version of the rules gives the stored report. Bump it whenever a rule,
 * the model or the scoring changes what a diagram is graded.
 */
export const GRADER_VERSION = '4';
