# The newsroom: library.
# The media library, sections/tags/authors, the site's pages, menus, and the confirmation
# before something is deleted.

## Shared words
lib-save = Save
lib-cancel = Cancel
lib-delete = Delete
lib-delete-ellipsis = Delete…
lib-yes = Yes
lib-no = No
lib-none = (none)
lib-none-yet = None yet.
lib-pager = Pages
lib-newer = ← Newer
lib-older = Older →
lib-col-name = Name
lib-col-address = Address
lib-col-articles = Articles
lib-col-title = Title
lib-col-contact-form = Contact form
lib-col-updated = Updated
lib-col-version = Version
lib-col-saved = Saved
lib-col-by = By
lib-col-words = Words

## The media library (/admin/media)
lib-media = Media
lib-media-upload-title = Upload a photo
lib-media-file = Photo (JPEG, PNG, WebP or GIF, up to { $mib } MiB)
lib-media-file-hint = Location and camera details are removed from every size readers get.
lib-media-alt = Alt text
lib-media-alt-hint-upload = What the photo shows, for readers who cannot see it. Needed before it can lead an article.
lib-media-credit = Credit
lib-media-credit-hint = Shown as “Photo: <credit>.”
lib-media-caption = Caption
lib-media-upload = Upload
lib-media-search-label = Search alt text, credits and captions
lib-media-search = Search
lib-media-no-alt = No alt text yet
lib-media-none = No photos.
lib-media-none-match = No photos match “{ $q }”.
lib-media-refused = The upload was refused.
lib-media-too-big = The photo is larger than this newsroom accepts. A photo may be up to { $mib } MiB: make it smaller and upload it again.

## An upload the library refused
lib-media-empty = The file is empty. Choose a photo to upload.
lib-media-too-large = The file is { $size }; the limit is { $limit }. Make it smaller and upload it again.
lib-media-not-image = This file is not a JPEG, PNG, WebP or GIF image: its contents were checked, not its name. SVG, HTML, documents and archives cannot be uploaded.
lib-media-too-many-pixels = The image is { $width }×{ $height } pixels ({ $megapixels } megapixels); the limit is { $limit } megapixels. Resize it and upload it again.
lib-media-unreadable = The image could not be read: it may be incomplete or damaged. Export it again and upload the new file.
lib-media-too-tall = The image is { $width }×{ $height } pixels: shown { $shown_width } pixels wide it would be { $shown_height } pixels tall, and web images can be at most { $limit }. Crop it and upload it again.
lib-media-incomplete = The upload stopped before it was complete ({ $reason }).
lib-media-no-file = Send the photo in a multipart field named `file`.
lib-media-alt-too-long = The alt text is longer than { $limit } characters.

## One photo (/admin/media/ID)
lib-photo = Photo
lib-photo-number = Photo #{ $id }
lib-media-all = All media
lib-photo-details = { $width }×{ $height } pixels · uploaded { $at }
lib-photo-details-by = { $width }×{ $height } pixels · uploaded { $at } by { $name }
lib-photo-address = Address to use in an article
lib-photo-sizes = Sizes:
lib-photo-used-in = Used in:
lib-photo-unused = Not used in any article yet.
lib-photo-no-alt = This photo has no alt text yet. Add it before using the photo in an article.
lib-photo-alt-hint = What the photo shows, for readers who cannot see it.
lib-photo-delete = Delete this photo…
lib-photo-alt-is = Alt text: { $value }
lib-photo-credit-is = Credit: { $value }
lib-photo-caption-is = Caption: { $value }
lib-photo-only-uploader = Only the person who uploaded it or an editor can change it.

## Sections, tags and authors (/admin/sections, /admin/tags, /admin/authors)
lib-sections = Sections
lib-tags = Tags
lib-authors = Authors
lib-add-section = Add a section
lib-add-tag = Add a tag
lib-add-author = Add an author
lib-add-the-section = Add the section
lib-add-the-tag = Add the tag
lib-add-the-author = Add the author
lib-edit-section = Edit section
lib-edit-tag = Edit tag
lib-edit-author = Edit author
lib-edit-section-named = Edit section: { $name }
lib-edit-tag-named = Edit tag: { $name }
lib-edit-author-named = Edit author: { $name }
lib-view-on-site = View on the site
lib-all-sections = All sections
lib-all-tags = All tags
lib-all-authors = All authors
lib-field-name = Name
lib-field-slug = Slug
lib-field-slug-hint = Part of the address. Changing it keeps the old address working: it redirects here.
lib-field-description = Description
lib-field-parent = Parent section
lib-field-parent-hint = A subsection's page is /section/PARENT/SLUG; the parent's page includes its stories.
lib-field-parent-none = None: a top-level section
lib-field-position = Position in the menu
lib-field-position-hint = Smallest first; the home page's blocks follow the same order.
lib-field-position-not-number = "{ $value }" is not a whole number
lib-field-on-home = Show on the home page
lib-field-on-home-yes = Yes, as a block of stories
lib-field-block-style = Block style
lib-field-block-lead-list = Lead and list: one story with a photo, then headlines
lib-field-block-grid = Grid: four stories with photos
lib-field-block-list = List: headlines only
lib-field-colour = Colour
lib-field-colour-hint = Optional, like #a4161a: the section's kicker and block rule.
lib-field-edition = Edition
lib-field-edition-hint = Empty for the site's own language. A language code (sw, fr, ar...) puts the section and its stories in that language's edition, at /CODE/.
lib-field-bio = Bio
lib-field-photo-url = Photo URL
lib-field-photo-url-hint = An https:// address or a path on this site.
lib-tag-merge-title = Merge into another tag
lib-tag-merge-intro = Every article with this tag gets the other one instead; this tag's address then redirects to it.
lib-tag-merge-into = Merge into
lib-tag-choose = Choose a tag
lib-tag-merge = Merge
lib-tag-merge-choose = choose the tag to merge this one into
lib-author-person-title = Person in the newsroom
lib-author-person-intro = The member who writes under this byline: it is offered to them first when they write.
lib-author-person = Person
lib-author-nobody = Nobody (a guest or wire byline)
lib-author-person-option = { $name } ({ $email })
lib-author-person-option-inactive = { $name } ({ $email }), deactivated
lib-author-person-save = Save the link
lib-delete-this-section = Delete this section…
lib-delete-this-tag = Delete this tag…
lib-delete-this-author = Delete this author…
lib-delete-told = You will be told what happens first.

## The site's pages (/admin/pages)
lib-pages = Pages
lib-page-new = New page
lib-pages-intro-start = The site's own pages: About, Contact, Privacy, a corrections policy… Each has its own address, is in the sitemap but not in feeds or article search, and can be linked from the header or footer
lib-pages-intro-menus = menus
lib-pages-intro-end = (admins set those).
lib-pages-none = No pages yet.

## A page's editor
lib-page-edit = Edit “{ $title }”
lib-page-view = View the page
lib-page-revisions = Revisions
lib-page-all = All pages
lib-page-not-saved = The page was not saved. Please correct the marked fields; nothing you wrote was lost.
lib-page-title = Title
lib-page-slug-hint = The page answers at /this-slug. Lowercase letters, digits and hyphens; made from the title when empty. A changed address keeps the old one answering with a redirect.
lib-page-text = Text
lib-page-text-hint = Markdown: ## for a subheading, **bold**, [a link](https://…), > for a quotation.
lib-page-contact-form = Show the contact form under the text (messages go to Messages, and by email when set)
lib-page-seo = Search and sharing
lib-page-seo-title = Search title
lib-page-seo-title-hint = Shown by search engines instead of the title (up to { $limit } characters).
lib-page-seo-description = Search description
lib-page-seo-description-hint = One or two sentences (up to { $limit } characters).
lib-page-create = Create the page
lib-page-conflict = This page was changed by someone else (now version { $current }) since version { $loaded } was loaded; nothing was overwritten, and your text is kept among the page's revisions.
lib-page-slug-reserved = "{ $slug }" is an address the site itself uses (/{ $slug }); choose another slug, like "{ $slug }-page" or "about-{ $slug }"
lib-page-slug-taken = "{ $slug }" is already another page's slug; choose another

## A page's revisions
lib-revisions-title = Revisions: { $title }
lib-revisions-heading = Revisions of “{ $title }”
lib-revisions-back = Back to the editor
lib-revisions-intro = Every save is kept, with who made it and when. A save refused because someone else had saved first is kept too, marked “conflict”, so no words are lost. Restoring puts a revision's words back as a new version.
lib-revisions-conflict = conflict
lib-revisions-current = current
lib-revisions-restore = Restore
lib-revisions-restore-version = version { $version }

## The header and footer menus (/admin/menus)
lib-menus = Menus
lib-menus-intro-start = Entries lead to a section, one of the site's
lib-menus-intro-pages = pages
lib-menus-intro-end = , or a link (an https:// address, or a path on this site starting with /). Change the numbers or use the arrows to reorder; a change shows on every page at once.
lib-menu-header = Header menu
lib-menu-header-hint = Under the masthead on every page. Until it is saved, it lists the sections in their order.
lib-menu-header-refused = The header menu was not saved. Please correct the marked entries; nothing you typed was lost.
lib-menu-header-save = Save the header menu
lib-menu-footer = Footer menu
lib-menu-footer-hint = In the footer of every page: the About, Contact and Privacy pages, a corrections policy…
lib-menu-footer-refused = The footer menu was not saved. Please correct the marked entries; nothing you typed was lost.
lib-menu-footer-save = Save the footer menu
lib-menu-entry = Entry { $n }
lib-menu-entry-named = Entry { $n }: { $label }
lib-menu-position = Position
lib-menu-move-up = Move entry { $n } up
lib-menu-move-down = Move entry { $n } down
lib-menu-remove = Remove
lib-menu-add = Add an entry
lib-menu-leads-to = Leads to
lib-menu-nothing = Nothing (no new entry)
lib-menu-sections = Sections
lib-menu-pages = Pages
lib-menu-link = A link (address below)
lib-menu-label = Label
lib-menu-label-hint = A section's or page's own name when empty; a link needs one.
lib-menu-address = Address (links only)

## A menu the newsroom refused
lib-menu-too-many = a menu holds up to { $limit } entries; this one has { $count }
lib-menu-link-needs-label = a link needs a label to show
lib-menu-section-gone = that section no longer exists
lib-menu-page-gone = that page no longer exists
lib-menu-target-unknown = "{ $value }" is not something a menu leads to; choose a section, a page or a link
lib-menu-scheme-refused = { $scheme }: addresses are refused (they can run code or leave the web); use an http(s) address or a path on this site starting with /

## Before something is deleted
lib-confirm-delete-section = Delete the section “{ $name }”?
lib-confirm-delete-tag = Delete the tag “{ $name }”?
lib-confirm-delete-author = Delete the author “{ $name }”?
lib-delete-the-section = Delete the section
lib-delete-the-tag = Delete the tag
lib-delete-the-author = Delete the author
lib-confirm-section-used = { $count } article(s) are filed under it, so it cannot be deleted yet: move them to another section first.
lib-confirm-section-unused = No articles are filed under it. Its page will answer “not found”.
lib-confirm-tag-used = { $count } article(s) will lose this tag; the articles themselves stay as they are.
lib-confirm-tag-page = Its page and feeds will answer “not found”. To keep its address working, merge it into another tag instead.
lib-confirm-author-used = They have a byline on { $count } article(s), so they cannot be deleted yet: change those bylines first.
lib-confirm-author-unused = They have no byline on any article, so no article changes.
lib-confirm-author-page = Their page and feed will answer “not found”.
lib-confirm-delete-photo = Delete the photo “{ $name }”?
lib-delete-the-photo = Delete the photo
lib-confirm-photo-unused = No article uses it. Its files are removed and its addresses stop working.
lib-confirm-photo-used = It cannot be deleted while articles use it: { $titles }. Remove it from them first.
lib-confirm-delete-page = Delete the page “{ $title }”?
lib-delete-the-page = Delete the page
lib-confirm-page-address = Its address, { $path }, answers “not found” from now on, and menus drop their link to it.
lib-confirm-page-revisions = Its revisions go with it; this cannot be undone.
