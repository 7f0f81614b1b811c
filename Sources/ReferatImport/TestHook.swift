import Foundation

/// TEST ONLY: lets an end-to-end test kill an import at a chosen step, to prove that a kill
/// there loses nothing. With `REFERAT_TEST_KILL_AT` set to a stage's name (`learningWords`,
/// `compacting`), the import sends itself SIGKILL when it reaches that step, as a power cut
/// or the OOM killer would. Nothing else reads the variable; users never set it.
enum TestHook {
    static let killAt = ProcessInfo.processInfo.environment["REFERAT_TEST_KILL_AT"]

    static func stopIfAsked(at stage: ImportProgress.Stage) {
        guard let killAt, killAt == "\(stage)" else { return }
        kill(getpid(), SIGKILL)
    }
}
