/**
 * The calculation engine's entry point. The rules live in src/engine/ (one module per concept)
 * and are written down for finance readers in docs/plan.md.
 */
export {runPlan, runPlanSteps, type EngineStep} from './engine/run';
