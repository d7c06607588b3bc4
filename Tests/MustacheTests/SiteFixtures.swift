@testable import Mustache

/// Templates shaped like the site's: a layout with blocks, header/breadcrumbs/footer partials,
/// and pages that fill the layout's blocks.
enum SiteFixtures {
    static let templates: [String: String] = [
        "layout": """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <title>{{page_title}}</title>
        {{#description}}<meta name="description" content="{{description}}">
        {{/description}}
        <meta property="og:type" content="{{$og_type}}website{{/og_type}}">
        {{$head}}{{/head}}
        </head>
        <body>
        {{> partials/header}}
        {{#has_breadcrumbs}}{{> partials/breadcrumbs}}{{/has_breadcrumbs}}
        <main>
        {{$main}}{{/main}}
        </main>
        {{> partials/footer}}
        </body>
        </html>

        """,
        "partials/header": """
        <header>
        <a href="{{root}}">{{site.title}}</a>
        <ul>
        {{#nav_sections}}<li><a href="{{url}}"{{#current}} aria-current="true"{{/current}}>{{title}}</a></li>
        {{/nav_sections}}</ul>
        </header>

        """,
        "partials/breadcrumbs": """
        <ol>
        {{#breadcrumbs}}<li><a href="{{url}}">{{title}}</a></li>
        {{/breadcrumbs}}<li>{{title}}</li>
        </ol>
        """,
        "partials/footer": """
        <footer>
        <p>In an emergency, call {{site.emergency_number}}.</p>
        </footer>

        """,
        "article": """
        {{<layout}}
        {{$og_type}}article{{/og_type}}
        {{$head}}<script type="application/ld+json">{{{json_ld}}}</script>{{/head}}
        {{$main}}
        <article>
        <h1>{{title}}</h1>
        {{#has_toc}}
        <nav>
        <ul>
        {{#toc}}<li{{#nested}} class="nested"{{/nested}}><a href="#{{id}}">{{text}}</a></li>
        {{/toc}}</ul>
        </nav>
        {{/has_toc}}
        <div class="prose">
        {{{body}}}
        </div>
        {{#sources}}<li>{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}{{#year}} ({{year}}){{/year}}</li>
        {{/sources}}
        <p>{{#reviewed}}Reviewed {{long}}{{/reviewed}}{{^reviewed}}Not reviewed yet{{/reviewed}}</p>
        {{#reviewer}}<p>Reviewed by {{reviewer}}</p>{{/reviewer}}
        </article>
        {{/main}}
        {{/layout}}

        """,
        "404": """
        {{<layout}}
        {{$main}}
        <h1>{{title}}</h1>
        <p>Try the <a href="{{root}}">home page</a>.</p>
        {{/main}}
        {{/layout}}

        """,
    ]

    static let site: TemplateValue = .object([
        "title": .text("Health & Care Guide"),
        "language": .text("en-GB"),
        "emergency_number": .text("999"),
    ])

    static let navigation: TemplateValue = .list([
        .object(["title": .text("Conditions"), "url": .text("../conditions/"), "current": .flag(true)]),
        .object(["title": .text("Medicines"), "url": .text("../medicines/"), "current": .flag(false)]),
    ])

    static let article: TemplateValue = .object([
        "site": site,
        "page_title": .text("Back pain - Health & Care Guide"),
        "description": .text("What to do about \"back\" pain"),
        "root": .text("../"),
        "nav_sections": navigation,
        "has_breadcrumbs": .flag(true),
        "breadcrumbs": .list([.object(["title": .text("Home"), "url": .text("../")])]),
        "title": .text("Back pain"),
        "json_ld": .text(#"{"@type":"Article"}"#),
        "has_toc": .flag(true),
        "toc": .list([
            .object(["text": .text("Causes"), "id": .text("causes"), "nested": .flag(false)]),
            .object(["text": .text("Self-care"), "id": .text("self-care"), "nested": .flag(true)]),
        ]),
        "body": .text("<p>Keep moving.</p>"),
        "sources": .list([
            .object(["title": .text("NHS"), "url": .text("https://nhs.uk/?a=1&b=2"), "year": .text("2024")]),
            .object(["title": .text("Local <clinic>")]),
        ]),
        "reviewed": .object(["long": .text("1 March 2025")]),
    ])

    static let articleOutput = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <title>Back pain - Health &amp; Care Guide</title>
        <meta name="description" content="What to do about &quot;back&quot; pain">
        <meta property="og:type" content="article">
        <script type="application/ld+json">{"@type":"Article"}</script>
        </head>
        <body>
        <header>
        <a href="../">Health &amp; Care Guide</a>
        <ul>
        <li><a href="../conditions/" aria-current="true">Conditions</a></li>
        <li><a href="../medicines/">Medicines</a></li>
        </ul>
        </header>
        <ol>
        <li><a href="../">Home</a></li>
        <li>Back pain</li>
        </ol>
        <main>
        <article>
        <h1>Back pain</h1>
        <nav>
        <ul>
        <li><a href="#causes">Causes</a></li>
        <li class="nested"><a href="#self-care">Self-care</a></li>
        </ul>
        </nav>
        <div class="prose">
        <p>Keep moving.</p>
        </div>
        <li><a href="https://nhs.uk/?a=1&amp;b=2">NHS</a> (2024)</li>
        <li>Local &lt;clinic&gt;</li>
        <p>Reviewed 1 March 2025</p>

        </article>

        </main>
        <footer>
        <p>In an emergency, call 999.</p>
        </footer>
        </body>
        </html>

        """

    /// A page with missing keys and false flags: no description, no breadcrumbs, nothing in the
    /// navigation is current, and the blocks the page does not fill keep their defaults.
    static let notFound: TemplateValue = .object([
        "site": site,
        "page_title": .text("Page not found"),
        "root": .text("/"),
        "nav_sections": navigation,
        "has_breadcrumbs": .flag(false),
        "title": .text("Page not found"),
    ])

    static let notFoundOutput = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <title>Page not found</title>
        <meta property="og:type" content="website">

        </head>
        <body>
        <header>
        <a href="/">Health &amp; Care Guide</a>
        <ul>
        <li><a href="../conditions/" aria-current="true">Conditions</a></li>
        <li><a href="../medicines/">Medicines</a></li>
        </ul>
        </header>

        <main>
        <h1>Page not found</h1>
        <p>Try the <a href="/">home page</a>.</p>

        </main>
        <footer>
        <p>In an emergency, call 999.</p>
        </footer>
        </body>
        </html>

        """
}
