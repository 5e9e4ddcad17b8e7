# The newsroom: site.

## The front page desk (/admin/front)
adm-front-title = Front page
adm-front-view-home = View the home page
adm-front-slots = The slots, as readers see them
adm-front-slots-hint = A placed story stays until you move or remove it, or its time runs out; newer stories do not push it down. Empty slots show the newest stories.
adm-front-lead = Lead
adm-front-placed = placed
adm-front-placed-until = placed until { $until }
adm-front-newest = newest
adm-front-remove-lead = Remove from the lead
adm-front-no-stories = No published stories yet.
adm-front-top = Top stories
adm-front-up = Up
adm-front-down = Down
# After "Up" or "Down", for screen readers: which story moves.
adm-front-which = : { $title }
adm-front-make-lead = Make lead
adm-front-remove = Remove
adm-front-drag-hint = You can also drag the top stories into a new order.
adm-front-release = Release every slot (newest first)
adm-front-place = Place a story
adm-front-search-label = Search headlines
adm-front-search = Search
adm-front-matching = Published stories matching “{ $words }”.
adm-front-newest-stories = The newest published stories.
adm-front-keep-for = Keep it placed for
adm-front-until-moved = until moved
adm-front-hours = { $count -> 
    [one] { $count } hour
   *[other] { $count } hours
}
adm-front-a-day = a day
adm-front-as-lead = Lead
adm-front-as-top = Top story
adm-front-breaking-for = { $count -> 
    [one] Breaking ({ $count } hour)
   *[other] Breaking ({ $count } hours)
}
adm-front-label-for = Label for { $title }
adm-front-no-label = No label
adm-front-set-label = Set label
adm-front-no-match = No published story matches.
adm-front-breaking = Breaking news
adm-front-up-now = Up now:
# Between the breaking story's headline and the time its banner comes down.
adm-front-up-until = , until
adm-front-take-down = Take the banner down
adm-front-no-banner = No banner is up. Use “Breaking” beside a story to put it up for two hours.
adm-front-labels = Labels
adm-front-labels-standard = Every site has: { $labels }. “{ $sponsored }” also puts a disclosure line on the article.
adm-front-own-labels = This site's own labels, one per line
adm-front-save-labels = Save the labels

## The numbers (/admin/stats)
adm-stats-title = Numbers
adm-stats-own = Your stories' readers.
adm-stats-about = Times in { $zone }. Reads are counted without cookies or addresses; bots are left out.
adm-stats-right-now = Right now
# After the number of reads, which the page keeps current.
adm-stats-right-now-reads = { $count ->
    [one] read
   *[other] reads
} in the last { $minutes } minutes
adm-stats-nobody = Nobody is reading just now.
adm-stats-today = Today
adm-stats-reads-total = { $count ->
    [one] ({ $count } read)
   *[other] ({ $count } reads)
}
adm-stats-today-caption = Today's most read stories
adm-stats-48-hours = Last 48 hours
adm-stats-30-days = Last 30 days
adm-stats-hours-caption = Reads per hour, last 48 hours
adm-stats-days-caption = Reads per day, last 30 days
adm-stats-week = This week's most read
adm-stats-week-caption = Most read stories, last 7 days
adm-stats-sources = Where readers came from
adm-stats-7-days = (7 days)
adm-stats-sources-caption = Reads by source, last 7 days
adm-stats-sections = Sections
adm-stats-sections-caption = Reads by section, last 7 days
adm-stats-section = Section
adm-stats-bylines = Bylines
adm-stats-bylines-caption = Reads by byline, last 7 days
adm-stats-author = Author
adm-stats-no-reads = No reads yet.

## The numbers' tables and charts
adm-stats-figures = The figures
adm-stats-unit-hour = Hour
adm-stats-unit-day = Day
adm-stats-count = Count
adm-stats-story = Story
adm-stats-reads = Reads
adm-stats-reactions = Reactions
adm-stats-comments = Comments
adm-stats-source = Source
adm-stats-share = Share
adm-stats-percent = { $n }%
adm-stats-source-search = Search
adm-stats-source-social = Social
adm-stats-source-internal = This site
adm-stats-source-other_sites = Other sites
adm-stats-source-direct = Direct or unknown
# A chart's description for screen readers.
adm-stats-chart-desc = { $total } in all across { $bars } bars; the highest is { $highest }. The table below gives every figure.
adm-stats-chart-reads-hour = Reads per hour since publication
adm-stats-chart-reads-day = Reads per day since publication
adm-stats-chart-comments-hour = Approved comments per hour
adm-stats-chart-comments-day = Approved comments per day

## One story's numbers (/admin/articles/ID/stats)
adm-stats-story-title = Numbers: { $title }
adm-stats-edit = Edit
adm-stats-view = View
adm-stats-all = All numbers
adm-stats-zone = Times in { $zone }.
adm-stats-against = Against { $section }
adm-stats-of-median = { $count ->
    [one] of the median story's reads ({ $median }, across { $count } story)
   *[other] of the median story's reads ({ $median }, across { $count } stories)
}
adm-stats-no-median = The section's median story has no reads yet.
adm-stats-since = Reads since publication
adm-stats-reaction-mix = Reaction mix
adm-stats-reactions-caption = Reactions by kind
adm-stats-reaction = Reaction
adm-stats-sources-caption-all = Reads by source since publication
adm-stats-comments-over-time = Comments over time
adm-stats-comments-caption = Approved comments over time

## Shared by the site desks' forms
adm-not-saved = Not saved: please correct the fields marked below.
adm-save = Save

## Ad slots (/admin/ads)
adm-ads-title = Ads
adm-ads-heading = Ad slots
adm-ads-intro = Each place can hold an ad network's code (a wide-screen and a phone version) or a house ad: a photo from the library and a link. Its size is kept free before the ad arrives, so the page does not jump, and it is labelled "Advertisement". Ads never appear in the newsroom or in previews.
adm-ads-code-on = Ad code is on: readers' pages now allow scripts, frames and styles from any https:// address (see the README's Content-Security-Policy section). Without ad code the policy stays strict.
adm-ads-place-header = Header (every page, under the masthead)
adm-ads-place-sidebar = Sidebar (home page and articles)
adm-ads-place-in_article = In the article, after paragraph N
adm-ads-place-home_blocks = Between home-page blocks, after every N blocks
adm-ads-place-lists = In story lists, after every N stories
adm-ads-showing = showing
adm-ads-enabled = Show this slot
adm-ads-every-in_article = After paragraph
adm-ads-every-home_blocks = After every N blocks
adm-ads-every-lists = After every N stories
adm-ads-sizes = Reserved size, in CSS pixels (phone 0 × 0: none on phones)
adm-ads-field-width = Wide width
adm-ads-field-height = Wide height
adm-ads-field-mobile_width = Phone width
adm-ads-field-mobile_height = Phone height
adm-ads-field-desktop_code = Code for wide screens
adm-ads-field-mobile_code = Code for phones
adm-ads-house = House ad (used when there is no code)
adm-ads-house-photo = The house ad's photo
adm-ads-field-house_media_id = Photo number in Media
adm-ads-hint-house_media_id = Empty: no house ad.
adm-ads-field-house_link = Link
adm-ads-hint-house_link = A path on this site, like /subscribe, or an https:// address.
adm-ads-field-house_alt = What the photo says
adm-ads-hint-house_alt = For readers who cannot see it; the photo's alt text when empty.
adm-ads-save-slot = Save this slot
adm-ads-sections = Sections without ads
adm-ads-sections-hint = Ticked sections carry no ads: neither their pages nor their stories.
adm-ads-no-sections = There are no sections yet.

## The paper's identity (/admin/identity)
adm-identity-title = Identity
adm-identity-heading = The paper's identity
adm-identity-intro = The logo, colour and social profiles show on every page readers see; the principles pages describe the paper to search engines. Changes are in force at once.
adm-identity-logo = Logo
adm-identity-current-logo = The current logo
# "Made from it: the header logo, the favicon (favicon.ico, 16 and 32 pixels), the 180-pixel
# icon phones keep on their home screen, and 192 and 512-pixel icons for the web app
# manifest." The file name and the manifest are links, between these pieces.
adm-identity-made-from = Made from it: the header logo, the favicon (
adm-identity-made-sizes = , 16 and 32 pixels), the 180-pixel icon phones keep on their home screen, and 192 and 512-pixel icons for the
adm-identity-manifest = web app manifest
adm-identity-icon = Icon, { $size } pixels
adm-identity-px = { $size } px
adm-identity-remove-logo = Remove the logo
adm-identity-no-logo = No logo yet: the header shows the site's name.
adm-identity-new-logo = A new logo (PNG, JPEG, WebP or GIF, up to { $mib } MiB)
adm-identity-logo-file = Logo (PNG, JPEG, WebP or GIF, up to { $mib } MiB)
adm-identity-logo-hint = A PNG with a clear background works best. SVG cannot be uploaded: export a PNG at least 512 pixels wide. It also goes in the photo library.
adm-identity-upload = Upload the logo
adm-identity-colour = Colour
adm-identity-site-colour = Site colour
adm-identity-colour-hint = As #rrggbb, like #a4161a. Used for accents, the breaking-news strip and the browser's toolbar on phones; it must be dark enough to read on white.
adm-identity-social = Social profiles
adm-identity-social-hint = Shown in the footer and given to search engines as the paper's profiles. Paste each profile's https:// address.
adm-identity-network-facebook = Facebook
adm-identity-network-x = X
adm-identity-network-instagram = Instagram
adm-identity-network-youtube = YouTube
adm-identity-network-tiktok = TikTok
adm-identity-network-whatsapp = WhatsApp channel
adm-identity-principles = Principles
adm-identity-principles-hint = A path on this site (like /about/ethics) or an https:// address. Search engines read them from the structured data of every article.
adm-identity-publishing-principles = Publishing principles
adm-identity-corrections-policy = Corrections policy
adm-identity-masthead = Masthead (who runs the paper)
adm-identity-measurement = Measurement
adm-identity-measurement-snippet = Measurement snippet
adm-identity-measurement-hint = Off when empty. The tag of your own analytics server (self-hosted Plausible, Matomo...), placed in the head of every public page, never in the newsroom. It may load only over https://; the site's content policy then allows the addresses it names and its inline script, nothing else.

## Integrations (/admin/integrations)
adm-int-title = Integrations
# Followed by the Content API's address.
adm-int-intro = Front-ends written for Ghost (Next.js, Gatsby, Astro, mobile apps) read this site through its Ghost-compatible Content API at
adm-int-intro-key = . Each needs a Content API key: make one integration per front-end, so each can be revoked on its own.
adm-int-made = “{ $name }” is made.
adm-int-made-once = Its Content API key is shown only this once; copy it now. A lost key cannot be shown again: make a new integration and revoke this one.
adm-int-key-label = Content API key
# "In the front-end: API URL https://…, key as above (with @tryghost/content-api: url and key)."
adm-int-use-url = In the front-end: API URL
adm-int-use-key = , key as above (with
adm-int-use-and = and
adm-int-name = Name
adm-int-key = Key
adm-int-made-when = Made
adm-int-revoke = Revoke
# Before the last characters of a key.
adm-int-ending = ending
adm-int-made-by = { $when } by { $name }
adm-int-none = No integrations yet: no front-end can read the Content API.
adm-int-add = Add an integration
adm-int-name-hint = What uses the key, like “Next.js front-end” (up to { $max } characters).
adm-int-make = Make a key

## Revoking an integration (/admin/integrations/ID/delete)
adm-int-revoke-title = Revoke the integration “{ $name }”?
adm-int-revoke-stops = Its key (ending { $key }) stops working at once: front-ends that use it get “Unknown Content API Key” until they are given another.
adm-int-revoke-final = This cannot be undone; a new integration makes a new key.
adm-int-revoke-button = Revoke the key

## Refusals on the front page desk (and a section's place, on the sections' pages)
adm-refuse-top-full = every top-story slot is taken; remove one first or choose its position
adm-refuse-order = drag the top stories into the order you want
adm-refuse-choose-action = choose a story and what to do with it
adm-refuse-choose-breaking = choose the story that is breaking
adm-refuse-choose-label = choose the story to label
adm-refuse-colour = "{ $value }" is not a colour; write it as #rrggbb, like #a4161a
adm-refuse-label-long = "{ $label }" is longer than { $limit } characters; labels are one or two words
adm-refuse-labels-many = a site may add at most { $count } labels of its own
adm-refuse-lead-position = the lead has one position, 1, not { $position }
adm-refuse-top-position = top stories take positions 1 to { $most }, not { $position }
adm-refuse-top-slots = there are only { $count } top-story slots
adm-refuse-until-passed = until { $until } has already passed; give a time ahead
# $slot is "lead" or "top".
adm-refuse-position-twice = { $slot -> 
    [lead] lead
   *[other] top
} position { $position } is given twice
adm-refuse-placed-twice = article { $id } is placed twice
adm-refuse-front-unpublished = article { $id } ("{ $title }") is not published; only published stories go on the front page
adm-refuse-no-article = there is no article { $id }
adm-refuse-time-passed = { $time } has already passed; give a time ahead
adm-refuse-breaking-unpublished = article { $id } ("{ $title }") is not published; only published stories can be breaking news
adm-refuse-label-unknown = "{ $label }" is not one of this site's labels: { $labels }
adm-refuse-own-parent = a section cannot be its own parent
adm-refuse-parent-nested = "{ $name }" is itself a subsection; subsections go one level deep
adm-refuse-parent-edition = "{ $name }" is in another edition: a subsection is in its parent's edition, so give them the same language first.
adm-refuse-parent-has-children = this section has subsections of its own, so it cannot become one
adm-refuse-no-section = there is no section "{ $slug }"
adm-refuse-menu-position = { $position } is not a menu position; use 0 to 10000

## Refusals on the ad slots
adm-refuse-ad-size = { $count } pixels is more than { $most }; give the ad's size in CSS pixels
adm-refuse-ad-no-size = the wide-screen size needs a width and a height above 0
adm-refuse-ad-every = { $every } is not between 1 and 50
adm-refuse-ad-alt = say what the house ad shows, for readers who cannot see it
adm-refuse-ad-alt-long = the description is longer than { $limit } characters
adm-refuse-ad-link = a house ad needs the address it leads to, like /subscribe
adm-refuse-ad-no-photo = there is no photo { $id } in the library; upload it first
adm-refuse-ad-code-long = the code is { $count } characters long; the limit is { $limit }
adm-refuse-ad-code-nul = the code contains a NUL character
adm-refuse-ad-number = "{ $value }" is not a whole number of pixels or items
adm-refuse-ad-photo-number = "{ $value }" is not a photo number; it is shown on the photo's page in Media

## Refusals on the paper's identity
# $network is the field: facebook, x, instagram, youtube, tiktok or whatsapp.
adm-refuse-network = "{ $value }" is not a { $network ->
    [facebook] Facebook
    [x] X
    [instagram] Instagram
    [youtube] YouTube
    [tiktok] TikTok
   *[whatsapp] WhatsApp channel
} address; paste the https:// address of the profile, like { $example }
adm-refuse-colour-light = { $colour } is too light to read on white (contrast { $ratio }:1; at least 4.5:1 is needed); pick a darker shade
adm-refuse-page-link = "{ $value }" is not a page address; write a path on this site, like /corrections, or an https:// address
adm-refuse-snippet-long = the snippet is { $count } characters long; the limit is { $limit }
adm-refuse-snippet-nul = the snippet contains a NUL character
adm-refuse-snippet-script = the snippet has no <script> element; paste the tag your analytics server gives, like { $example }
adm-refuse-snippet-plain = the snippet loads from { $address }…, which is not encrypted; use its https:// address
