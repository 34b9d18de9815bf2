// Errors of the service's own pieces sorted into the batch's record failures, so a job's
// failures keep their layout file:line, data path and record number as the CLI shows them.
import Foundation
import PressroomLayout
import PressroomProduction

enum ServiceFailure {
    static func recordFailure(_ error: any Error) -> RecordFailure {
        switch error {
        case UploadRefusal.problems(let problems) where !problems.isEmpty: return .layout(problems[0])
        case let refusal as UploadRefusal: return .layout(LayoutError(.unknownReference, refusal.description))
        default: return RecordFailure(error)
        }
    }
}
