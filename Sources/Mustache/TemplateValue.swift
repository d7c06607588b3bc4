/// A value of a template context: only plain data, so rendering needs no reflection.
///
/// How each case behaves in a template:
/// - `{{name}}` prints `.text` as its string and `.flag` as `true` or `false`. `.list` and
///   `.object` print nothing: there is no text form of them worth putting in a page, and an empty
///   string is harmless where a debug dump would not be.
/// - `{{#name}}` renders `.flag(true)` once, each element of `.list` once with the element on
///   top of the context stack, and `.object` or `.text` (even an empty one) once with the value
///   on top. `.flag(false)`, an empty `.list` and a missing name render nothing.
/// - `{{^name}}` renders exactly when `{{#name}}` would not.
public enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
}
