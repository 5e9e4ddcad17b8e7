//! Sample content for `newsdesk serve --demo`: a small city paper, written for this
//! project, loaded through the same newsroom rules as the API.

use jiff::{Timestamp, ToSpan};

use crate::front_page::{FrontPage, PlacementRequest, SlotRequest};
use crate::newsroom::{
    ArticleRequest, AuthorRequest, LeadImageRequest, Newsroom, NewsroomError, SectionRequest,
};
use crate::store::Store;

pub const DEMO_EMAIL: &str = "demo@newsdesk.example";

/// How to sign in to the demo site.
pub struct DemoLogin {
    pub email: String,
    pub password: String,
    pub token: String,
    pub articles: usize,
}

struct DemoArticle {
    title: &'static str,
    standfirst: &'static str,
    section: &'static str,
    authors: &'static [&'static str],
    tags: &'static [&'static str],
    image: &'static str,
    alt: &'static str,
    credit: &'static str,
    caption: &'static str,
    hours_ago: i64,
    body: &'static str,
}

/// Name, description, parent slug, home-page block style and colour, in menu order.
const SECTIONS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "News",
        "City hall, courts, transport and the people of Port Amani.",
        "",
        "lead_list",
        "#a4161a",
    ),
    (
        "Counties",
        "The towns and villages around Port Amani.",
        "news",
        "list",
        "#8a4b00",
    ),
    (
        "Business",
        "Markets, jobs, trade and the harbour economy.",
        "",
        "grid",
        "#0b6e4f",
    ),
    (
        "Culture",
        "Books, music, galleries, food and the city's festivals.",
        "",
        "list",
        "#6b2fa0",
    ),
    (
        "Sport",
        "Football, athletics and every club in between.",
        "",
        "lead_list",
        "#0b4f8a",
    ),
];

/// Stories that carry a label.
const LABELS: &[(&str, &str)] = &[
    (
        "Market traders report busiest month since the harbour reopened",
        "Exclusive",
    ),
    (
        "Solar co-operative signs up its thousandth household",
        "Analysis",
    ),
    (
        "Heavy rain expected over the weekend as the long rains arrive early",
        "Live",
    ),
    (
        "The city library at 100: a building that refused to close",
        "Opinion",
    ),
    (
        "Pwani Ferries add weekend trips to the islands",
        "Sponsored",
    ),
];

/// The lead and top stories an editor placed; the other top slots fill themselves.
const LEAD: &str = "Council approves new ferry link between the old harbour and Mji Mpya";
const TOP: &[&str] = &[
    "Market traders report busiest month since the harbour reopened",
    "Kilele United come from behind to reach the cup semi-final",
];
/// The story in the breaking-news banner.
const BREAKING: &str = "Heavy rain expected over the weekend as the long rains arrive early";

const AUTHORS: &[(&str, &str, &str)] = &[
    (
        "Amina Odhiambo",
        "Amina covers city hall and transport for this paper. Before that she spent six years on the courts beat. Tips: amina@newsdesk.example.",
        "/static/demo/author-amina.svg",
    ),
    (
        "Tomás Reyes",
        "Tomás is our business editor. He writes about the harbour, small firms and the price of everything.",
        "/static/demo/author-tomas.svg",
    ),
    (
        "Grace Mwangi",
        "Grace writes about culture and sport, and has not missed a home match at Kilele Park since 2015.",
        "/static/demo/author-grace.svg",
    ),
];

const ARTICLES: &[DemoArticle] = &[
    DemoArticle {
        title: "Council approves new ferry link between the old harbour and Mji Mpya",
        standfirst: "Commuters could save forty minutes a day when the service starts next spring, but traders on the quay want guarantees about parking and noise.",
        section: "news",
        authors: &["amina-odhiambo"],
        tags: &["Transport", "City Council", "Harbour"],
        image: "/static/demo/harbour.svg",
        alt: "Ferries moored at the old harbour at dusk, with cranes on the far shore",
        credit: "Courtesy",
        caption: "The old harbour, where the new ferry pier will be built beside the fish market.",
        hours_ago: 2,
        body: "The city council voted 31 to 9 on Tuesday night to fund a ferry link between the old harbour and the fast-growing district of Mji Mpya across the bay.\n\nThe service, to be run by the city's transport board, will use two electric boats carrying up to 150 passengers each. Crossings will leave every twenty minutes at peak times.\n\n> \"Today a nurse living in Mji Mpya spends almost two hours a day in traffic on the coast road. This gives her back forty minutes,\" said councillor Halima Yusuf, who chairs the transport committee.\n\n## What it will cost\n\nThe council put the cost of the boats, two piers and a waiting hall at 1.2 billion shillings, with a third coming from a national climate fund. A single crossing is expected to cost the same as a bus fare.\n\n## Traders want answers\n\nNot everyone on the quay is convinced. The Fish Market Traders' Association says the new pier will take up loading space its members rely on before dawn.\n\n\"We are not against the ferry,\" said the association's secretary, Joseph Kamau. \"We are against finding out where our lorries will park after the concrete is poured.\"\n\nThe council says a consultation on the quay layout will open next month. Construction is due to start in January.",
    },
    DemoArticle {
        title: "Heavy rain expected over the weekend as the long rains arrive early",
        standfirst: "The meteorological office warns of flash floods in low-lying neighbourhoods and asks residents to clear drains before Friday.",
        section: "news",
        authors: &["amina-odhiambo"],
        tags: &["Weather", "Flooding"],
        image: "/static/demo/rain.svg",
        alt: "Dark rain clouds over rooftops and a wet street",
        credit: "Courtesy",
        caption: "",
        hours_ago: 5,
        body: "Forecasters expect up to 80 millimetres of rain between Friday evening and Sunday morning, almost two weeks before the long rains usually begin.\n\nThe city's disaster response unit has placed pumps at three points along the Mto Mdogo river, where homes flooded twice last year.\n\n## What residents can do\n\n- Clear gutters and the drain outside your gate before Friday.\n- Keep documents and medicines off the floor.\n- Do not drive through moving water, even where it looks shallow.\n\nThe emergency line, 1199, will have extra staff all weekend. Updates will be posted on the county's website.",
    },
    DemoArticle {
        title: "Market traders report busiest month since the harbour reopened",
        standfirst: "Stall holders at Soko Kuu say tourists and cruise passengers have doubled takings, though rents are rising too.",
        section: "business",
        authors: &["tomas-reyes"],
        tags: &["Harbour", "Small Business", "Tourism"],
        image: "/static/demo/market.svg",
        alt: "Colourful market stalls with awnings and baskets of fruit",
        credit: "Courtesy",
        caption: "Soko Kuu on a Saturday morning.",
        hours_ago: 8,
        body: "October was the best month for traders at Soko Kuu, the covered market by the harbour gates, since the port reopened to cruise ships three years ago.\n\nA survey of 120 stall holders by the market committee found that average takings were up 48 percent on the same month last year. Spice and textile sellers did best.\n\n\"Two ships on the same day, and we sold out of cloves by noon,\" said Mariam Said, whose family has kept a stall here since 1971.\n\n## Rents follow\n\nThe market's owner, the harbour authority, has told traders that stall fees will rise by 15 percent in January. The committee says it will ask for the rise to be phased over two years.\n\nThe authority said the money would pay for a new roof and toilets, both long requested by traders.",
    },
    DemoArticle {
        title: "Solar co-operative signs up its thousandth household",
        standfirst: "Members of the Jua Pamoja co-operative pay for rooftop panels in small weekly instalments and sell surplus power back to the grid.",
        section: "business",
        authors: &["tomas-reyes", "amina-odhiambo"],
        tags: &["Energy", "Small Business"],
        image: "/static/demo/solar.svg",
        alt: "Rows of solar panels on corrugated roofs under a bright sun",
        credit: "Courtesy",
        caption: "Panels on the roofs of Kisima estate, the co-operative's first neighbourhood.",
        hours_ago: 20,
        body: "Jua Pamoja, a solar co-operative founded by five neighbours in Kisima estate in 2021, connected its thousandth home last week.\n\nMembers pay a deposit of 5,000 shillings and then a weekly instalment, usually less than they used to spend on paraffin and diesel. After four years the panels are theirs.\n\n## Selling power back\n\nSince the utility began buying surplus power from small producers last year, the co-operative has earned enough to fund panels for two schools.\n\n> \"People thought it was a scheme to take their money. Now the same people bring their cousins to sign up,\" said founder Peter Otieno.\n\nThe co-operative hopes to reach 2,500 homes by the end of next year.",
    },
    DemoArticle {
        title: "Commuter rail line to add evening trains from next month",
        standfirst: "The last train from the city centre will leave at 22:40 instead of 20:15, answering years of complaints from shift workers.",
        section: "news",
        authors: &["amina-odhiambo"],
        tags: &["Transport"],
        image: "/static/demo/rail.svg",
        alt: "A commuter train crossing a bridge at sunset",
        credit: "Courtesy",
        caption: "",
        hours_ago: 30,
        body: "Four extra evening trains will run on the Pwani commuter line from the first of next month, the rail operator announced on Monday.\n\nThe change follows a petition signed by more than 8,000 people, many of them hospital and hotel staff whose shifts end after the current last train.\n\nThe operator said the extra services were possible because of two refurbished trains returning from the workshop. Fares are unchanged.",
    },
    DemoArticle {
        title: "Ten days of music: what to see at this year's Bahari Festival",
        standfirst: "From taarab at the old fort to a drum orchestra on the beach, our pick of the programme.",
        section: "culture",
        authors: &["grace-mwangi"],
        tags: &["Music", "Festivals"],
        image: "/static/demo/festival.svg",
        alt: "A stage lit in purple and orange in front of a large crowd",
        credit: "Courtesy",
        caption: "Last year's closing night at the old fort.",
        hours_ago: 26,
        body: "The Bahari Festival returns on Friday for its twelfth year, with more than 60 acts on five stages around the old town.\n\n## Don't miss\n\n**Opening night at the fort.** The Zanzibar-born taarab orchestra Nyota ya Pwani plays its first show here in a decade.\n\n**The beach drum orchestra.** Two hundred drummers from schools across the county, on Saturday at sunset. Bring a blanket.\n\n**Late sessions at the Customs House.** Smaller acts, free entry, every night from 22:00.\n\nTickets for the fort shows are on sale at the festival office on Harbour Road. Most other events are free.",
    },
    DemoArticle {
        title: "The city library at 100: a building that refused to close",
        standfirst: "It survived a fire, two floods and a plan to turn it into a car park. On its centenary, readers explain why it still matters.",
        section: "culture",
        authors: &["grace-mwangi"],
        tags: &["Books", "History"],
        image: "/static/demo/library.svg",
        alt: "The columned front of the city library with steps and trees",
        credit: "Courtesy",
        caption: "The library's facade, restored in 2019.",
        hours_ago: 50,
        body: "On a Tuesday morning the reading room of the Port Amani City Library is full: students revising, retired dockers reading newspapers, a toddler asleep on a beanbag in the children's corner.\n\nThe library opens its centenary exhibition on Saturday. It tells the story of a building that has come close to closing at least three times.\n\n## The car park plan\n\nIn 1987 the council voted to demolish the library and build a multi-storey car park. A campaign led by teachers and the dockworkers' union gathered 40,000 signatures, and the vote was reversed six weeks later.\n\n> \"My father carried a placard that said *Books not cars*. I still have it,\" said head librarian Esther Njeri.\n\nThe exhibition runs until the end of the year. Entry is free.",
    },
    DemoArticle {
        title: "Port Amani marathon attracts record field of 9,000 runners",
        standfirst: "Organisers have added a second start wave and closed more of the coast road to fit everyone in.",
        section: "sport",
        authors: &["grace-mwangi"],
        tags: &["Athletics", "Marathon"],
        image: "/static/demo/marathon.svg",
        alt: "Runners on a seafront road with palm trees",
        credit: "Courtesy",
        caption: "",
        hours_ago: 44,
        body: "A record 9,000 runners have entered Sunday's Port Amani Marathon, up from 6,500 last year.\n\nTo cope, the race will start in two waves, at 06:00 and 06:30, and the coast road will be closed between the lighthouse and the airport junction from 05:00 until 13:00.\n\n## The favourites\n\nLast year's winner, Daniel Kiprop, returns to defend his title. In the women's race, all eyes are on 21-year-old Faith Achieng, who ran the fastest half marathon in the country this year.",
    },
    DemoArticle {
        title: "Kilele United come from behind to reach the cup semi-final",
        standfirst: "Two goals in the last ten minutes sent a full house at Kilele Park into raptures.",
        section: "sport",
        authors: &["grace-mwangi"],
        tags: &["Football", "Kilele United"],
        image: "/static/demo/football.svg",
        alt: "A football pitch under floodlights with players celebrating",
        credit: "Courtesy",
        caption: "Kilele Park under the floodlights.",
        hours_ago: 14,
        body: "Kilele United were a goal down with ten minutes left against Bandari Stars on Wednesday night. Then their captain took over.\n\nSamuel Mutua headed in a corner in the 82nd minute and, four minutes later, ran from halfway to drive a low shot past the goalkeeper for the winner.\n\n> \"I told the boys at half-time: we have come back before, we can do it again,\" Mutua said.\n\nUnited will play the holders, Mlima Rangers, in the semi-final on the 14th.",
    },
    DemoArticle {
        title: "Coffee prices climb as growers hold back their harvest",
        standfirst: "Farmers in the hills say buyers' prices no longer cover their costs. Roasters in the city are passing the rise on to customers.",
        section: "business",
        authors: &["tomas-reyes"],
        tags: &["Agriculture", "Prices"],
        image: "/static/demo/coffee.svg",
        alt: "A cup of coffee beside a pile of roasted beans",
        credit: "Courtesy",
        caption: "",
        hours_ago: 70,
        body: "The price of a kilo of roasted coffee in Port Amani shops has risen by a fifth since August, as growers in the hills hold back beans in protest at the prices paid by exporters.\n\n\"We sold at a loss last year. We will not do it again,\" said Ruth Chebet, chair of a growers' co-operative with 3,000 members.\n\n## Cafés pass it on\n\nThree of the city's bigger roasters told us they had raised prices for the first time in two years. A cup at most cafés on Harbour Road now costs 20 shillings more.\n\nThe agriculture ministry says talks between growers and exporters will resume next week.",
    },
    DemoArticle {
        title: "A new gallery gives the old customs warehouse a second life",
        standfirst: "Ghala opens with a show of photographs of the harbour by the people who work there.",
        section: "culture",
        authors: &["grace-mwangi", "tomas-reyes"],
        tags: &["Art", "Harbour"],
        image: "/static/demo/gallery.svg",
        alt: "Framed photographs on white walls in a high-ceilinged warehouse",
        credit: "Courtesy",
        caption: "The main hall of Ghala, in the former customs warehouse.",
        hours_ago: 96,
        body: "For forty years the customs warehouse on Pier Road held seized goods and broken scales. From this weekend it holds art.\n\nGhala, a gallery run by a trust of local artists, opens on Saturday with *Our Harbour*, photographs taken over a year by crane drivers, fishermen and cleaners at the port.\n\n> \"They see the harbour at four in the morning. We never do,\" said curator Aisha Bakari.\n\nEntry is free on weekends. The trust is paying for the building's upkeep with a café and studio rents.",
    },
    DemoArticle {
        title: "Health clinics to open on Saturdays across the county",
        standfirst: "Eleven public clinics will see patients every Saturday morning, starting with childhood vaccinations.",
        section: "news",
        authors: &["amina-odhiambo"],
        tags: &["Health"],
        image: "/static/demo/clinic.svg",
        alt: "The entrance of a small clinic painted white and blue",
        credit: "Courtesy",
        caption: "",
        hours_ago: 120,
        body: "Parents who cannot take a weekday off work will be able to bring their children for vaccinations on Saturday mornings, the county health department said.\n\nEleven clinics will open from 08:00 to 13:00 from next week. The department says the change is paid for by moving staff from an underused evening service.\n\nA full list of clinics is posted at every ward office.",
    },
    DemoArticle {
        title: "County assembly votes to grade rural roads before the rains",
        standfirst: "Graders will start on the Kisima and Mto Mdogo roads next week, the county's roads officer said.",
        section: "counties",
        authors: &["amina-odhiambo"],
        tags: &["Roads", "Flooding"],
        image: "/static/demo/council.svg",
        alt: "The council chamber with rows of empty seats",
        credit: "Courtesy",
        caption: "",
        hours_ago: 3,
        body: "The county assembly voted on Wednesday to spend 40 million shillings grading rural roads before the long rains make them impassable.\n\nWork will start on the Kisima and Mto Mdogo roads, where buses stopped running for three weeks last year.\n\n> \"Every year we repair the same roads after the rains. This year we do it before,\" said the county's roads officer, Daudi Mwakilema.",
    },
    DemoArticle {
        title: "Pwani Ferries add weekend trips to the islands",
        standfirst: "Paid for by Pwani Ferries: three new Saturday and Sunday sailings from the old harbour.",
        section: "business",
        authors: &["tomas-reyes"],
        tags: &["Harbour", "Tourism"],
        image: "/static/demo/harbour.svg",
        alt: "Ferries moored at the old harbour at dusk, with cranes on the far shore",
        credit: "Pwani Ferries",
        caption: "",
        hours_ago: 6,
        body: "This story was paid for by Pwani Ferries.\n\nFrom next weekend, Pwani Ferries will sail to Kisiwa and Mchanga islands three times on Saturdays and Sundays, leaving the old harbour at 08:00, 11:00 and 15:00.\n\nTickets are sold at the harbour kiosk and on board.",
    },
    DemoArticle {
        title: "Council to publish budget for next year's road repairs",
        standfirst: "The roads programme will be set out in full at Thursday's meeting.",
        section: "news",
        authors: &["amina-odhiambo"],
        tags: &["City Council"],
        image: "/static/demo/council.svg",
        alt: "The council chamber with rows of empty seats",
        credit: "Courtesy",
        caption: "",
        hours_ago: -48,
        body: "This article is scheduled and will appear on the site when its time comes.",
    },
];

/// Labels, the placed lead and top stories and the breaking story, as an editor would
/// set them.
async fn arrange_front_page(
    store: &dyn Store,
    ids: &std::collections::HashMap<&str, i64>,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let front = FrontPage::new(store);
    let fail = |e: NewsroomError| anyhow::anyhow!("the demo front page was refused: {e}");
    let id = |title: &str| {
        ids.get(title)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("the demo has no story \"{title}\""))
    };
    for (title, label) in LABELS {
        front
            .set_label(id(title)?, Some(label), user)
            .await
            .map_err(fail)?;
    }
    let mut slots = vec![SlotRequest {
        slot: "lead".into(),
        position: None,
        article_id: id(LEAD)?,
        until: None,
    }];
    for (n, title) in TOP.iter().enumerate() {
        slots.push(SlotRequest {
            slot: "top".into(),
            position: i64::try_from(n).ok().map(|n| n + 1),
            article_id: id(title)?,
            until: None,
        });
    }
    front
        .replace(&PlacementRequest { slots }, user, now)
        .await
        .map_err(fail)?;
    front
        .set_breaking(id(BREAKING)?, None, user, now)
        .await
        .map_err(fail)?;
    Ok(())
}

/// Fills an empty site with the demo paper; does nothing if it already has articles.
/// Older stories, so the archive and the newsroom's numbers reach back some weeks.
const ARCHIVE: &[DemoArticle] = &[
    DemoArticle {
        title: "Water rationing ends as the Kisima dam fills after the long rains",
        standfirst: "Taps in the eastern wards will run every day again from Monday, the water board says, for the first time since June.",
        section: "news",
        authors: &["amina-odhiambo"],
        tags: &["Water", "City Council"],
        image: "/static/demo/rain.svg",
        alt: "Rain falling on a reservoir under grey clouds",
        credit: "Courtesy",
        caption: "The Kisima dam reached 94 per cent of its capacity last week.",
        hours_ago: 9 * 24 + 3,
        body: "Rationing in the eastern wards will end on Monday after the long rains filled the Kisima dam to 94 per cent of its capacity, the city's water board said on Thursday.\n\nHouseholds in Bondeni, Makuti and the university area have had water three days a week since June.\n\n> \"We ask people to keep the habits they learned this year. The next dry season is never far away,\" said the board's chief engineer, Rehema Said.\n\nThe board says it will publish the dam's level every week on its website.",
    },
    DemoArticle {
        title: "Port Amani's first cooperative bank branch opens in the fish market",
        standfirst: "Traders who kept their takings under the counter can now bank them a few steps from their stalls, from six in the morning.",
        section: "business",
        authors: &["tomas-reyes"],
        tags: &["Harbour", "Banking"],
        image: "/static/demo/market.svg",
        alt: "Stalls in a covered market with traders and shoppers",
        credit: "Courtesy",
        caption: "The branch keeps the market's hours, opening at six.",
        hours_ago: 16 * 24 + 7,
        body: "The Pwani Traders' Cooperative opened its first branch inside the fish market on Monday, the first bank of any kind on the quay.\n\nIt opens at six in the morning, when the market's busiest trade is already done, and closes at two.\n\n\"Most of us carried the day's money home on the bus,\" said Mama Zawadi, who has sold octopus on the quay for thirty years. \"Now it stays here.\"\n\nThe cooperative says 400 traders opened accounts in its first week.",
    },
    DemoArticle {
        title: "Kilele Stars sign two academy graduates before the new season",
        standfirst: "Both grew up within walking distance of the ground, and both will start on the bench against Bahari United.",
        section: "sport",
        authors: &["grace-mwangi"],
        tags: &["Football", "Kilele Stars"],
        image: "/static/demo/football.svg",
        alt: "A football on the centre spot of a floodlit pitch",
        credit: "Courtesy",
        caption: "Kilele Park before the first home match of last season.",
        hours_ago: 23 * 24 + 2,
        body: "Kilele Stars have given professional contracts to two graduates of their academy, the midfielder Baraka Otieno and the goalkeeper Felix Ngugi.\n\nBoth are 18 and both grew up in the streets around Kilele Park.\n\n> \"They have been ball boys here. Now they are players here. That is what an academy is for,\" said the coach, Peter Wambua.\n\nThe season opens against Bahari United on Saturday.",
    },
    DemoArticle {
        title: "The city library's night reading room will stay open until midnight",
        standfirst: "Students asked for it, the council found the money, and from next week the reading room on Uhuru Street keeps its lights on.",
        section: "culture",
        authors: &["grace-mwangi"],
        tags: &["Books", "Library"],
        image: "/static/demo/library.svg",
        alt: "Shelves of books in a quiet reading room",
        credit: "Courtesy",
        caption: "The reading room on Uhuru Street seats 120.",
        hours_ago: 33 * 24 + 5,
        body: "The city library's reading room on Uhuru Street will stay open until midnight on weekdays from next week, after a petition signed by more than 3,000 students.\n\nThe council found the money for two more librarians and a night guard in its mid-year budget.\n\n\"Many of our students share one room with four brothers and sisters,\" said the head librarian, Fatuma Ali. \"A quiet table and a light are not a small thing.\"",
    },
];

pub async fn load(
    store: &dyn Store,
    media: &dyn crate::media::MediaStorage,
) -> anyhow::Result<Option<DemoLogin>> {
    if store.count_articles().await? > 0 {
        return Ok(None);
    }
    let newsroom = Newsroom::new(store);
    let now = Timestamp::now();
    let fail = |e: NewsroomError| anyhow::anyhow!("demo content was refused: {e}");

    for (position, (name, description, parent, style, colour)) in SECTIONS.iter().enumerate() {
        newsroom
            .create_section(&SectionRequest {
                name: Some((*name).into()),
                slug: None,
                description: Some((*description).into()),
                position: i64::try_from(position).ok().map(|p| p + 1),
                parent: Some((*parent).into()),
                on_home: Some(true),
                block_style: Some((*style).into()),
                colour: Some((*colour).into()),
                language: None,
            })
            .await
            .map_err(fail)?;
    }
    for (name, bio, photo) in AUTHORS {
        newsroom
            .create_author(&AuthorRequest {
                name: Some((*name).into()),
                slug: None,
                bio: Some((*bio).into()),
                photo_url: Some((*photo).into()),
            })
            .await
            .map_err(fail)?;
    }

    let password = crate::auth::new_api_token()[4..20].to_owned();
    let user = match store
        .user_by_email(&crate::domain::Email::parse(DEMO_EMAIL).map_err(anyhow::Error::msg)?)
        .await
    {
        Ok(user) => user,
        Err(_) => newsroom
            .add_user(DEMO_EMAIL, "Demo Editor", "admin", &password, now)
            .await
            .map_err(fail)?,
    };

    let mut ids = std::collections::HashMap::new();
    for article in ARTICLES.iter().chain(ARCHIVE) {
        let at = now - article.hours_ago.hours();
        let status = if article.hours_ago < 0 {
            "scheduled"
        } else {
            "published"
        };
        let request = ArticleRequest {
            title: Some(article.title.into()),
            standfirst: Some(article.standfirst.into()),
            body: Some(article.body.into()),
            section: Some(article.section.into()),
            tags: Some(article.tags.iter().map(|t| (*t).to_owned()).collect()),
            authors: Some(article.authors.iter().map(|a| (*a).to_owned()).collect()),
            lead_image: Some(Some(LeadImageRequest {
                url: article.image.into(),
                alt: article.alt.into(),
                credit: Some(article.credit.into()),
                caption: Some(article.caption.into()),
            })),
            status: Some(status.into()),
            published_at: Some(at.to_string()),
            ..Default::default()
        };
        let created = newsroom
            .create_article(&request, &user, now)
            .await
            .map_err(fail)?;
        ids.insert(article.title, created.id);
    }
    arrange_front_page(store, &ids, &user, now).await?;
    trust_on_the_record(store, &ids, &user, now).await?;
    demo_polls(store, &ids, &user, now).await?;
    let photos = demo_gallery(store, media, &user, now).await?;
    demo_list(store, &photos, &user, now).await?;
    demo_video(store, media, &photos, &user, now).await?;
    let draft = ArticleRequest {
        title: Some("Draft: interview notes with the harbour master".into()),
        body: Some("Notes, not for publication yet.".into()),
        section: Some("news".into()),
        authors: Some(vec!["amina-odhiambo".into()]),
        status: Some("draft".into()),
        ..Default::default()
    };
    newsroom
        .create_article(&draft, &user, now)
        .await
        .map_err(fail)?;
    // A story waiting for review, with an embed and a note for the desk.
    let waiting = ArticleRequest {
        title: Some("Ferry timetable changes from Monday".into()),
        body: Some(
            "The first boat will leave at 4.30am instead of 4am from Monday.\n\n\
             ## See the crossing\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
                .into(),
        ),
        section: Some("news".into()),
        authors: Some(vec!["amina-odhiambo".into()]),
        status: Some(crate::review::REVIEW.into()),
        ..Default::default()
    };
    let waiting = newsroom
        .create_article(&waiting, &user, now)
        .await
        .map_err(fail)?;
    crate::review::Review::new(store)
        .add_note(
            waiting.id,
            &user,
            "Check the new times with the ferry office before publishing.",
            now,
        )
        .await
        .map_err(fail)?;

    site_pages(store, &user, now).await?;
    swahili_edition(store, &ids, &user, now).await?;
    live_blog(store, &user, now).await?;
    reading_history(store, now).await?;

    let token = newsroom
        .create_token(DEMO_EMAIL, "demo", now)
        .await
        .map_err(fail)?;
    Ok(Some(DemoLogin {
        email: DEMO_EMAIL.into(),
        password,
        token,
        articles: ARTICLES.len() + ARCHIVE.len() + SWAHILI.len() + 7,
    }))
}

/// The Swahili edition's sections: name, slug, description.
const SWAHILI_SECTIONS: &[(&str, &str, &str)] = &[
    (
        "Habari",
        "habari",
        "Habari za jiji, halmashauri na bandari.",
    ),
    (
        "Michezo",
        "michezo",
        "Riadha, kandanda na michezo ya pwani.",
    ),
];

/// A Swahili story: section, title, standfirst, body, hours ago, the English story it
/// translates.
type SwahiliStory = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    Option<&'static str>,
);

const SWAHILI: &[SwahiliStory] = &[
    (
        "habari",
        "Halmashauri yaidhinisha feri mpya kati ya bandari ya zamani na Mji Mpya",
        "Wasafiri wanaweza kuokoa dakika arobaini kwa siku huduma ikianza mwakani, lakini \
         wafanyabiashara wa gati wanataka uhakika kuhusu maegesho na kelele.",
        "Halmashauri ya jiji ilipiga kura 31 dhidi ya 9 Jumanne usiku kufadhili feri kati ya \
         bandari ya zamani na mtaa unaokua kwa kasi wa Mji Mpya ng'ambo ya ghuba.\n\n\
         Huduma hiyo itatumia boti mbili za umeme zenye uwezo wa kubeba abiria 150 kila moja. \
         Safari zitaondoka kila dakika ishirini wakati wa msongamano.\n\n\
         > \"Leo muuguzi anayeishi Mji Mpya anatumia karibu saa mbili kwa siku kwenye foleni. \
         Hii inamrudishia dakika arobaini,\" alisema diwani Halima Yusuf.\n\n\
         ## Wafanyabiashara wanataka majibu\n\n\
         Chama cha Wafanyabiashara wa Soko la Samaki kinasema gati jipya litachukua nafasi ya \
         kupakia mizigo ambayo wanachama wake wanaitegemea kabla ya alfajiri.",
        2,
        Some("Council approves new ferry link between the old harbour and Mji Mpya"),
    ),
    (
        "habari",
        "Mvua kubwa inatarajiwa mwishoni mwa wiki masika yakianza mapema",
        "Idara ya hali ya hewa inaonya kuhusu mafuriko katika mitaa ya mabondeni na inawaomba \
         wakazi kusafisha mitaro kabla ya Ijumaa.",
        "Watabiri wanatarajia hadi milimita 80 za mvua kati ya Ijumaa jioni na Jumapili \
         asubuhi, karibu wiki mbili kabla ya masika kuanza kwa kawaida.\n\n\
         ## Wakazi wanaweza kufanya nini\n\n\
         - Safisheni mifereji na mtaro ulio nje ya lango kabla ya Ijumaa.\n\
         - Wekeni nyaraka na dawa mbali na sakafu.\n\
         - Msiendeshe gari kwenye maji yanayotiririka.\n\n\
         Nambari ya dharura, 1199, itakuwa na wafanyakazi zaidi mwishoni mwa wiki nzima.",
        5,
        Some("Heavy rain expected over the weekend as the long rains arrive early"),
    ),
    (
        "michezo",
        "Mbio za marathon za Port Amani zavutia wakimbiaji 9,000, idadi ya rekodi",
        "Waandaaji wameongeza kundi la pili la kuanza na kufunga sehemu kubwa zaidi ya barabara \
         ya pwani.",
        "Wakimbiaji 9,000 wamejiandikisha kwa mbio za Jumapili, kutoka 6,500 mwaka jana.\n\n\
         Mbio zitaanza kwa makundi mawili, saa 12:00 na saa 12:30 asubuhi, na barabara ya \
         pwani itafungwa kati ya mnara wa taa na makutano ya uwanja wa ndege.",
        44,
        Some("Port Amani marathon attracts record field of 9,000 runners"),
    ),
    (
        "habari",
        "Shule za pwani zaanza kufundisha kuogelea kwa wanafunzi wote",
        "Wanafunzi wa darasa la nne watapata masomo ya kuogelea kila wiki katika fukwe salama \
         zilizochaguliwa na halmashauri.",
        "Halmashauri ya kaunti imesema masomo hayo yataanza muhula ujao katika shule kumi na \
         mbili, kwa msaada wa waokoaji wa kujitolea.\n\n\
         Wazazi wametakiwa kusaini fomu ya idhini kabla ya mwisho wa mwezi.",
        9,
        None,
    ),
];

/// The Swahili edition at `/sw/`: its sections, its stories (most of them translations of
/// English ones, linked so each page leads to the other) and its About page.
async fn swahili_edition(
    store: &dyn Store,
    ids: &std::collections::HashMap<&str, i64>,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let newsroom = Newsroom::new(store);
    let fail = |e: NewsroomError| anyhow::anyhow!("demo content was refused: {e}");
    for (position, (name, slug, description)) in SWAHILI_SECTIONS.iter().enumerate() {
        newsroom
            .create_section(&SectionRequest {
                name: Some((*name).into()),
                slug: Some((*slug).into()),
                description: Some((*description).into()),
                position: i64::try_from(position).ok().map(|p| p + 20),
                on_home: Some(true),
                language: Some("sw".into()),
                ..Default::default()
            })
            .await
            .map_err(fail)?;
    }
    for (section, title, standfirst, body, hours_ago, original) in SWAHILI {
        let request = ArticleRequest {
            title: Some((*title).into()),
            standfirst: Some((*standfirst).into()),
            body: Some((*body).into()),
            section: Some((*section).into()),
            authors: Some(vec!["amina-odhiambo".into()]),
            status: Some("published".into()),
            published_at: Some((now - hours_ago.hours()).to_string()),
            ..Default::default()
        };
        let created = newsroom
            .create_article(&request, user, now)
            .await
            .map_err(fail)?;
        if let Some(original) = original.and_then(|title| ids.get(title)) {
            crate::editions::link_translation(store, &created, *original).await?;
        }
    }
    crate::pages::Pages::new(store)
        .create(
            &crate::pages::PageRequest {
                title: Some("Kuhusu sisi".into()),
                slug: Some("kuhusu".into()),
                body: Some(
                    "Sisi ni gazeti huru la kila siku la pwani: halmashauri, mahakama, \
                     bandari, masoko na shule, zikiripotiwa na watu wanaoishi hapa."
                        .into(),
                ),
                language: Some("sw".into()),
                ..Default::default()
            },
            user,
            now,
        )
        .await
        .map_err(fail)?;
    Ok(())
}

/// The paper's own pages, each `(title, slug, contact form, body)`, in the footer menu's
/// order.
const PAGES: &[(&str, &str, bool, &str)] = &[
    (
        "About us",
        "about",
        false,
        "We are an independent daily for the coast region: its councils, courts, \
         harbour, markets and schools, reported by people who live here.\n\n\
         ## Who we are\n\n\
         A newsroom of twelve reporters and editors in Port Amani, with correspondents up and \
         down the coast. We are owned by our staff and readers; no politician or advertiser has \
         a say in what we publish.\n\n\
         ## What we promise\n\n\
         - We name our sources wherever we can, and say why when we cannot.\n\
         - We ask the people we write about for their side before we publish.\n\
         - We correct our mistakes in the open: see our [corrections policy](/corrections-policy).\n",
    ),
    (
        "Contact us",
        "contact",
        true,
        "Have a story we should hear about, or a mistake we should fix? Write to the newsroom \
         with the form below; an editor reads every message.\n\n\
         **The newsroom:** Harbour Road 14, Port Amani. Open weekdays, 8am to 6pm.\n\n\
         **Advertising:** ask for our rates with the form, and say which pages interest you.\n",
    ),
    (
        "Privacy",
        "privacy",
        false,
        "We keep as little about readers as we can.\n\n\
         ## What we keep\n\n\
         - **Reactions:** a random number in a cookie, so you can change your reaction; it \
         names no one.\n\
         - **Comments and messages:** what you write, your name and, if you give it, your email \
         address. Your address is never published; we use it only to answer you.\n\
         - **Reading counts:** how often each story is read and which site sent the reader, \
         never who you are.\n\n\
         ## What we never do\n\n\
         We load nothing from other companies' servers, sell nothing about you, and show no \
         advertising that follows you around.\n",
    ),
    (
        "Corrections policy",
        "corrections-policy",
        false,
        "When we get something wrong, we say so, on the story itself.\n\n\
         1. A reader or source tells us, through the [contact form](/contact) or a comment.\n\
         2. The editor on duty checks the claim, usually the same day.\n\
         3. We fix the story and add a dated note at its foot saying what changed and why.\n\n\
         We do not quietly delete or rewrite stories. Spelling and typing mistakes are fixed \
         without a note.\n",
    ),
];

/// The demo's About, Contact, Privacy and corrections-policy pages, and the footer menu
/// that links them.
async fn site_pages(
    store: &dyn Store,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let fail = |e: NewsroomError| anyhow::anyhow!("demo pages were refused: {e}");
    let rules = crate::pages::Pages::new(store);
    let mut footer = Vec::new();
    for (title, slug, contact_form, body) in PAGES {
        let page = rules
            .create(
                &crate::pages::PageRequest {
                    title: Some((*title).into()),
                    slug: Some((*slug).into()),
                    body: Some((*body).into()),
                    contact_form: Some(*contact_form),
                    ..Default::default()
                },
                user,
                now,
            )
            .await
            .map_err(fail)?;
        footer.push(crate::pages::menus::MenuEntryRequest {
            target: format!("page:{}", page.id),
            ..Default::default()
        });
    }
    crate::pages::menus::save(store, crate::store::Menu::Footer, &footer, user, now)
        .await
        .map_err(fail)?;
    Ok(())
}

/// Reader polls on two stories: one open with its results shown after voting, one that
/// showed its results before voting and has closed with some votes in.
async fn demo_polls(
    store: &dyn Store,
    ids: &std::collections::HashMap<&str, i64>,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    use crate::polls::{PollRequest, Polls};
    let fail = |e: NewsroomError| anyhow::anyhow!("a demo poll was refused: {e}");
    let polls = Polls::new(store);
    let ferry = "Council approves new ferry link between the old harbour and Mji Mpya";
    if let Some(&article) = ids.get(ferry) {
        let request = PollRequest {
            question: "Would you use the new ferry link to get to work?".into(),
            options: vec![
                "Yes, every day".into(),
                "Now and then".into(),
                "No, I will keep to the road".into(),
            ],
            closes_at: Some((now + (14 * 24).hours()).to_string()),
            results_before_vote: Some(false),
        };
        let poll = polls
            .attach(article, &request, user, now)
            .await
            .map_err(fail)?;
        cast_demo_votes(store, &poll, &[41, 23, 12], now).await?;
    }
    let festival = "Ten days of music: what to see at this year's Bahari Festival";
    if let Some(&article) = ids.get(festival) {
        let request = PollRequest {
            question: "Which night of the festival are you looking forward to most?".into(),
            options: vec![
                "Opening night".into(),
                "Taarab night".into(),
                "The closing concert".into(),
            ],
            closes_at: None,
            results_before_vote: Some(true),
        };
        let poll = polls
            .attach(article, &request, user, now)
            .await
            .map_err(fail)?;
        cast_demo_votes(store, &poll, &[18, 35, 27], now).await?;
        store.close_poll(poll.id, now).await?;
    }
    Ok(())
}

/// The harbour through one day, for the demo's gallery: (alt text, caption, sky at the top,
/// sky at the horizon, sun's height from 0 at the horizon to 1 at the top).
/// (alt text, caption, sky at the top, sky at the horizon, sun's height).
type Scene = (&'static str, &'static str, [u8; 3], [u8; 3], f32);

const GALLERY_SCENES: &[Scene] = &[
    (
        "A pale sky over the still harbour before sunrise",
        "Before dawn the quay is quiet but for the first fish buyers.",
        [40, 52, 96],
        [236, 170, 120],
        0.0,
    ),
    (
        "The sun rising behind the fishing boats",
        "The night boats come in as the sun clears the breakwater.",
        [92, 140, 200],
        [250, 200, 140],
        0.25,
    ),
    (
        "Bright midday light on the water",
        "By noon the ferry crossing is at its busiest.",
        [60, 130, 220],
        [170, 210, 240],
        0.85,
    ),
    (
        "Golden afternoon light across the bay",
        "Afternoon: the market shuts and the swimmers arrive.",
        [80, 120, 190],
        [240, 210, 150],
        0.45,
    ),
    (
        "A red sunset behind the cranes",
        "Sunset behind the cranes of the new port across the bay.",
        [70, 40, 90],
        [240, 110, 70],
        0.08,
    ),
];

/// One scene of the demo gallery as a PNG: a sky, a sea, the sun and a boat.
fn draw_scene(
    top: [u8; 3],
    horizon: [u8; 3],
    sun_height: f32,
    n: usize,
) -> anyhow::Result<Vec<u8>> {
    const W: u32 = 960;
    const H: u32 = 640;
    let sea_line = H * 62 / 100;
    let sun = (
        W as f32 * (0.25 + 0.12 * n as f32),
        sea_line as f32 * (1.0 - sun_height) + 20.0,
    );
    let mix = |a: u8, b: u8, t: f32| (f32::from(a) * (1.0 - t) + f32::from(b) * t) as u8;
    let picture = image::RgbImage::from_fn(W, H, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let boat_x = W as f32 * 0.62;
        let in_boat = fy > sea_line as f32 - 18.0
            && fy < sea_line as f32 + 14.0
            && (fx - boat_x).abs() < 90.0 - (fy - sea_line as f32 + 18.0).max(0.0) * 1.2;
        if in_boat {
            return image::Rgb([30, 28, 34]);
        }
        if y < sea_line {
            if (fx - sun.0).powi(2) + (fy - sun.1).powi(2) < 38.0_f32.powi(2) {
                return image::Rgb([255, 236, 170]);
            }
            let t = fy / sea_line as f32;
            image::Rgb([
                mix(top[0], horizon[0], t),
                mix(top[1], horizon[1], t),
                mix(top[2], horizon[2], t),
            ])
        } else {
            let t = (fy - sea_line as f32) / (H - sea_line) as f32;
            let ripple = if (y / 6 + x / 40).is_multiple_of(5) {
                18
            } else {
                0
            };
            image::Rgb([
                mix(horizon[0] / 2, 10, t).saturating_add(ripple),
                mix(horizon[1] / 2, 40, t).saturating_add(ripple),
                mix(horizon[2] / 2 + 60, 80, t).saturating_add(ripple),
            ])
        }
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// A gallery story: photos drawn here, processed and kept in the library as uploads are.
async fn demo_gallery(
    store: &dyn Store,
    media: &dyn crate::media::MediaStorage,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<Vec<i64>> {
    let mut photos = Vec::new();
    for (n, (alt, caption, top, horizon, sun)) in GALLERY_SCENES.iter().enumerate() {
        let png = draw_scene(*top, *horizon, *sun, n)?;
        let limits = crate::media::MediaLimits {
            max_bytes: 20 * 1024 * 1024,
            max_pixels: 50_000_000,
        };
        let processed =
            tokio::task::spawn_blocking(move || crate::media::process(png, limits)).await??;
        media
            .put(&processed.original_key, &processed.original)
            .await?;
        for variant in &processed.variants {
            media.put(&variant.key, &variant.bytes).await?;
        }
        let created = store
            .create_media(
                &crate::store::NewMedia {
                    hash: processed.hash.clone(),
                    original_type: processed.kind.mime().to_owned(),
                    original_key: processed.original_key.clone(),
                    width: processed.width,
                    height: processed.height,
                    bytes: processed.original.len() as i64,
                    alt: (*alt).to_owned(),
                    credit: Some("Newsdesk demo".into()),
                    caption: Some((*caption).to_owned()),
                    variants: processed
                        .variants
                        .iter()
                        .map(|v| crate::store::MediaVariant {
                            width: v.width,
                            height: v.height,
                            mime: v.mime.to_owned(),
                            key: v.key.clone(),
                        })
                        .collect(),
                    uploaded_by: Some(user.id),
                },
                now,
            )
            .await?;
        photos.push(created.id);
    }
    let fail = |e: NewsroomError| anyhow::anyhow!("the demo gallery was refused: {e}");
    // The photos travel with the story: a gallery story goes out with its gallery.
    let gallery = photos
        .iter()
        .map(|&media_id| crate::galleries::GalleryPhotoRequest {
            media_id,
            caption: None,
            credit: None,
        })
        .collect();
    Newsroom::new(store)
        .create_article(
            &ArticleRequest {
                title: Some("The old harbour from dawn to dusk, in pictures".into()),
                format: Some("gallery".into()),
                standfirst: Some("One day on the quay, from the first fish buyers to the sunset behind the cranes.".into()),
                body: Some("Our photographer spent a day on the old harbour as the city council prepares to build a ferry pier beside the fish market.".into()),
                section: Some("news".into()),
                authors: Some(vec!["amina-odhiambo".into()]),
                status: Some("published".into()),
                published_at: Some((now - 5.hours()).to_string()),
                gallery: Some(gallery),
                ..Default::default()
            },
            user,
            now,
        )
        .await
        .map_err(fail)?;
    Ok(photos)
}

/// A short clip made for the demo, uploaded as any video is: judged by its bytes and kept
/// in the media store. Four seconds of ffmpeg's drawn test pattern and a tone:
/// `ffmpeg -f lavfi -i testsrc2=size=640x360:rate=24:duration=4 -f lavfi -i
/// sine=frequency=440:duration=4 -c:v libvpx-vp9 -b:v 300k -c:a libopus -b:a 32k -shortest
/// ferry-trial.webm`.
const DEMO_CLIP: &[u8] = include_bytes!("../static/demo/ferry-trial.webm");

/// Two video stories: one whose lead video is at a video site (a click-to-load placeholder
/// with a poster from the demo's library), one with an uploaded clip played on the page.
async fn demo_video(
    store: &dyn Store,
    media: &dyn crate::media::MediaStorage,
    photos: &[i64],
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let fail = |e: NewsroomError| anyhow::anyhow!("the demo video was refused: {e}");
    Newsroom::new(store)
        .create_article(
            &ArticleRequest {
                title: Some("Watch: the electric ferry on its first sea trial".into()),
                format: Some("video".into()),
                standfirst: Some("The first of the two boats crossed the bay in eleven minutes, with the transport board's engineers on board.".into()),
                body: Some("The boat left the builder's yard at dawn and made four crossings before noon. The transport board says the second boat arrives in March.".into()),
                section: Some("news".into()),
                authors: Some(vec!["amina-odhiambo".into()]),
                status: Some("published".into()),
                published_at: Some((now - 3.hours()).to_string()),
                video: Some(crate::video::InlineVideoRequest {
                    url: Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ".into()),
                    poster_id: photos.get(2).copied(),
                    duration_seconds: Some(212),
                    ..Default::default()
                }),
                ..Default::default()
            },
            user,
            now,
        )
        .await
        .map_err(fail)?;
    let (clip, _) = crate::video::Videos::new(store)
        .upload(DEMO_CLIP, media, user, now)
        .await?
        .map_err(|e| anyhow::anyhow!("the demo clip was refused: {e}"))?;
    Newsroom::new(store)
        .create_article(
            &ArticleRequest {
                title: Some("Sixty seconds on the quay: the pier's first pile goes in".into()),
                format: Some("video".into()),
                standfirst: Some("The builders drove the first of 48 piles for the ferry pier at low tide this morning.".into()),
                body: Some("The pile driver will work from 7am to 6pm on weekdays until the end of the month, the council says; the fish market stays open throughout.".into()),
                section: Some("news".into()),
                authors: Some(vec!["amina-odhiambo".into()]),
                status: Some("published".into()),
                published_at: Some((now - 150.minutes()).to_string()),
                // Its cards show the photo; its page, the video in the photo's place.
                lead_image: Some(Some(LeadImageRequest {
                    url: "/static/demo/harbour.svg".into(),
                    alt: "The old harbour's quay at low tide".into(),
                    credit: Some("Newsdesk demo".into()),
                    caption: None,
                })),
                video: Some(crate::video::InlineVideoRequest {
                    media_id: Some(clip.id),
                    poster_id: photos.get(1).copied(),
                    duration_seconds: Some(4),
                    ..Default::default()
                }),
                ..Default::default()
            },
            user,
            now,
        )
        .await
        .map_err(fail)?;
    Ok(())
}

/// A numbered list counting down, some items with a photo of the demo's library.
async fn demo_list(
    store: &dyn Store,
    photos: &[i64],
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let fail = |e: NewsroomError| anyhow::anyhow!("the demo list was refused: {e}");
    let item = |heading: &str, body: &str, photo: Option<usize>| crate::lists::ListItemRequest {
        heading: heading.into(),
        body: Some(body.into()),
        media_id: photo.and_then(|n| photos.get(n).copied()),
    };
    let list = crate::lists::InlineListRequest {
        items: vec![
            item(
                "The old fort's seaward wall",
                "Climb the steps by the east gate an hour before sunset; the wall faces straight across the bay.",
                Some(4),
            ),
            item(
                "The end of the new ferry pier",
                "Open until nine, with benches and a kiosk selling chai and mandazi.",
                Some(1),
            ),
            item(
                "Mji Mpya's hill park",
                "A short walk from the bus stop, and the only place to see both the harbour and the islands.",
                None,
            ),
            item(
                "The fish market roof terrace",
                "The restaurant upstairs keeps its terrace open to anyone who buys a drink.",
                Some(3),
            ),
            item(
                "Bahari beach, by the lifeguard tower",
                "The classic: bring a kanga to sit on and stay for the drummers.",
                None,
            ),
        ],
        order: Some(crate::lists::ListOrder::Descending),
    };
    Newsroom::new(store)
        .create_article(
            &ArticleRequest {
                title: Some("Five places to watch the sunset in Port Amani".into()),
                format: Some("list".into()),
                standfirst: Some("From the old fort's walls to the end of the new pier, where to be when the sun goes down.".into()),
                body: Some("Port Amani faces west across the bay, so its evenings end in colour. Our readers sent in their favourite places; these are the five they named most.".into()),
                section: Some("culture".into()),
                authors: Some(vec!["grace-mwangi".into()]),
                status: Some("published".into()),
                published_at: Some((now - 7.hours()).to_string()),
                list: Some(list),
                ..Default::default()
            },
            user,
            now,
        )
        .await
        .map_err(fail)?;
    Ok(())
}

/// `counts[i]` demo readers vote for the poll's option `i`.
async fn cast_demo_votes(
    store: &dyn Store,
    poll: &crate::store::Poll,
    counts: &[usize],
    now: Timestamp,
) -> anyhow::Result<()> {
    for (option, &count) in poll.options.iter().zip(counts) {
        for n in 0..count {
            let reader = format!("{:032x}", ((option.id as u128) << 32) | n as u128);
            store.vote(poll.id, &reader, Some(option.id), now).await?;
        }
    }
    Ok(())
}

/// Where the demo's readers come from, with each source's share of the referred reads.
const DEMO_REFERRERS: &[(&str, u64)] = &[
    ("google.com", 30),
    ("google.co.ke", 14),
    ("bing.com", 3),
    ("news.google.com", 6),
    ("l.facebook.com", 18),
    ("m.facebook.com", 6),
    ("t.co", 7),
    ("web.whatsapp.com", 4),
    ("instagram.com", 2),
    ("nation.africa", 5),
    ("standardmedia.co.ke", 3),
    ("reddit.com", 2),
];

/// A small generator, so the demo's numbers look alike on every first start.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// Roughly `mean`, give or take a third.
    fn around(&mut self, mean: f64) -> i64 {
        let spread = (self.next() % 1000) as f64 / 1000.0 * 0.66 + 0.67;
        (mean * spread).round() as i64
    }
}

/// Reads through a day in the paper's city: quiet at night, busy at breakfast and in
/// the evening.
fn time_of_day(utc_hour: i64) -> f64 {
    match (utc_hour + 3).rem_euclid(24) {
        0..=4 => 0.15,
        5 | 6 => 0.6,
        7..=9 => 1.4,
        10..=16 => 1.0,
        17 => 1.1,
        18..=21 => 1.3,
        _ => 0.6,
    }
}

/// Weeks of reads for every published story since it went live, as a paper sees them: a
/// rush in the first hours, a long tail, mornings and evenings busier than nights; with the
/// sites that sent the readers, and a few readers right now.
async fn reading_history(store: &dyn Store, now: Timestamp) -> anyhow::Result<()> {
    let mut dice = Dice(0x5eed);
    let now_hour = now.as_second().div_euclid(3600);
    let now_minute = now.as_second().div_euclid(60);
    let mut views = Vec::new();
    let mut details = crate::store::ReadDetails::default();
    let mut page = 1;
    loop {
        let listed = store
            .list_articles(
                crate::store::NewsroomFilter {
                    edition: None,
                    status: Some(crate::domain::ArticleStatus::Published),
                    section_id: None,
                    search: None,
                    source: None,
                },
                crate::store::Page {
                    number: page,
                    per_page: 100,
                },
            )
            .await?;
        for (rank, article) in listed.items.iter().enumerate() {
            let Some(published) = article.published_at.filter(|at| *at <= now) else {
                continue;
            };
            let peak = 60.0 + (dice.next() % 240) as f64 / (1.0 + rank as f64 * 0.15);
            let first = published.as_second().div_euclid(3600);
            for hour in first..=now_hour {
                let age = (hour - first) as f64;
                let mean = peak * ((-age / 18.0).exp() + 0.03) * time_of_day(hour);
                let reads = dice.around(mean);
                if reads <= 0 {
                    continue;
                }
                views.push((article.id, hour, reads));
                // About half the reads name the page that sent the reader.
                let mut referred = reads / 2;
                for (host, share) in DEMO_REFERRERS {
                    if referred <= 0 {
                        break;
                    }
                    let n = (reads as f64 * *share as f64 / 200.0).round() as i64;
                    let n = n.min(referred);
                    if n > 0 {
                        details
                            .referrers
                            .push((article.id, hour, (*host).to_owned(), n));
                        referred -= n;
                    }
                }
            }
            if now_hour - first < 30 {
                for minute in now_minute - 4..=now_minute {
                    let n = dice.around(peak / 60.0);
                    if n > 0 {
                        details.recent.push((article.id, minute, n));
                    }
                }
            }
        }
        if (page as i64) * 100 >= listed.total {
            break;
        }
        page += 1;
    }
    // Readers' reactions to the older stories (the newest start with none, as readers find them).
    let kinds = [
        "like", "love", "wow", "sad", "like", "funny", "angry", "like",
    ];
    for article in ARCHIVE {
        let slug = crate::domain::Slug::from_title(article.title);
        let Ok(story) = store.public_article_by_slug(slug.as_str(), now).await else {
            continue;
        };
        for reader in 0..(20 + dice.next() % 40) {
            let kind = crate::domain::ReactionKind::parse(kinds[(dice.next() % 8) as usize])
                .map_err(anyhow::Error::msg)?;
            store
                .set_reaction(story.id, &format!("demo-reader-{reader}"), Some(&kind), now)
                .await?;
        }
    }
    store.record_views(&views).await?;
    store.record_read_details(&details, now_minute - 60).await?;
    Ok(())
}

/// The demo paper's identity and two house ads, set through the same rules an admin's
/// are: a logo drawn here (a wordmark beside an emblem), the paper's colour, its social
/// profiles and principles pages, and house ads in the sidebar and after an article's
/// third paragraph.
pub async fn brand(state: &crate::web::AppState) -> anyhow::Result<()> {
    use crate::ads::{Place, SlotChange};
    use crate::identity::IdentityChange;
    let fail = |e: crate::web::AppError| anyhow::anyhow!("demo identity was refused: {e:?}");
    let email = crate::domain::Email::parse(DEMO_EMAIL).map_err(anyhow::Error::msg)?;
    let user = state.store.user_by_email(&email).await?;
    let title = state.settings().site_title.to_uppercase();
    state
        .set_logo(drawing::logo(&title), &user)
        .await
        .map_err(fail)?;
    let text = |value: &str| Some(value.to_owned());
    state
        .change_identity(
            &IdentityChange {
                colour: text("#a4161a"),
                facebook: text("https://www.facebook.com/newsdesk.example"),
                x: text("https://x.com/newsdesk_example"),
                instagram: text("https://www.instagram.com/newsdesk.example"),
                youtube: text("https://www.youtube.com/@newsdesk-example"),
                whatsapp: text("https://whatsapp.com/channel/0029VaNewsdeskExample"),
                publishing_principles: text("/about"),
                corrections_policy: text("/corrections-policy"),
                masthead: text("/about#masthead"),
                ..IdentityChange::default()
            },
            &user,
        )
        .await
        .map_err(fail)?;
    let house_ads = [
        (
            Place::Sidebar,
            drawing::banner("SUBSCRIBE", 600, 500, [11, 79, 138]),
            "Subscribe to the paper: every story, every morning",
            "/section/news",
            // A large mobile banner on phones, which keeps the phone's home page short.
            (300, 250, 320, 100, 1),
        ),
        (
            Place::InArticle,
            drawing::banner("THE DAILY PODCAST", 1280, 400, [122, 16, 19]),
            "The daily podcast: the city's news in fifteen minutes",
            "/section/culture",
            (640, 200, 320, 100, 3),
        ),
    ];
    for (place, png, alt, link, (width, height, mobile_width, mobile_height, every)) in house_ads {
        let words = crate::web::MediaWords {
            alt: Some(alt.to_owned()),
            credit: None,
            caption: None,
        };
        let (photo, _) = state.upload_media(png, &words, &user).await.map_err(fail)?;
        state
            .change_ad_slot(
                place,
                &SlotChange {
                    enabled: Some(true),
                    house_media_id: Some(Some(photo.id)),
                    house_link: text(link),
                    width: Some(width),
                    height: Some(height),
                    mobile_width: Some(mobile_width),
                    mobile_height: Some(mobile_height),
                    every: Some(every),
                    ..SlotChange::default()
                },
                &user,
            )
            .await
            .map_err(fail)?;
    }
    Ok(())
}

/// Pictures drawn for the demo with a small block alphabet, so it needs no font and no
/// file.
mod drawing {
    use image::{Rgba, RgbaImage};

    /// Five columns by seven rows per letter, top row first.
    fn glyph(c: char) -> [u8; 7] {
        match c {
            'A' => [0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
            'B' => [0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E],
            'C' => [0x0F, 0x10, 0x10, 0x10, 0x10, 0x10, 0x0F],
            'D' => [0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E],
            'E' => [0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F],
            'H' => [0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11],
            'I' => [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x1F],
            'K' => [0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11],
            'L' => [0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F],
            'N' => [0x11, 0x19, 0x15, 0x13, 0x11, 0x11, 0x11],
            'O' => [0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
            'P' => [0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10],
            'R' => [0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11],
            'S' => [0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E],
            'T' => [0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04],
            'U' => [0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E],
            'W' => [0x11, 0x11, 0x11, 0x15, 0x15, 0x1B, 0x11],
            'Y' => [0x11, 0x11, 0x0A, 0x04, 0x04, 0x04, 0x04],
            _ => [0; 7],
        }
    }

    fn fill(image: &mut RgbaImage, x: u32, y: u32, w: u32, h: u32, colour: Rgba<u8>) {
        for yy in y..(y + h).min(image.height()) {
            for xx in x..(x + w).min(image.width()) {
                image.put_pixel(xx, yy, colour);
            }
        }
    }

    /// Letters in cells of `cell` pixels from (`x`, `y`); answers the width drawn.
    fn write(
        image: &mut RgbaImage,
        text: &str,
        x: u32,
        y: u32,
        cell: u32,
        colour: Rgba<u8>,
    ) -> u32 {
        let mut at = x;
        for c in text.chars() {
            if c == ' ' {
                at += cell * 3;
                continue;
            }
            for (row, bits) in glyph(c).iter().enumerate() {
                for col in 0..5 {
                    if bits & (0x10 >> col) != 0 {
                        fill(
                            image,
                            at + col * cell,
                            y + row as u32 * cell,
                            cell,
                            cell,
                            colour,
                        );
                    }
                }
            }
            at += cell * 6;
        }
        at - x
    }

    fn text_width(text: &str, cell: u32) -> u32 {
        text.chars()
            .map(|c| if c == ' ' { cell * 3 } else { cell * 6 })
            .sum::<u32>()
            .saturating_sub(cell)
    }

    fn png(image: RgbaImage) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        // Writing a PNG to memory cannot fail.
        let _ = image::DynamicImage::ImageRgba8(image).write_to(&mut out, image::ImageFormat::Png);
        out.into_inner()
    }

    /// The paper's name beside a red emblem, on a clear background.
    pub fn logo(title: &str) -> Vec<u8> {
        let red = Rgba([164, 22, 26, 255]);
        let ink = Rgba([26, 26, 26, 255]);
        let cell = 16;
        let name: String = title
            .chars()
            .filter(|c| glyph(*c) != [0; 7] || *c == ' ')
            .take(14)
            .collect();
        let width = 160 + 40 + text_width(&name, cell) + 8;
        let mut image = RgbaImage::from_pixel(width, 160, Rgba([0, 0, 0, 0]));
        fill(&mut image, 0, 0, 160, 160, red);
        write(&mut image, "N", 40, 24, cell, Rgba([255, 255, 255, 255]));
        fill(&mut image, 16, 140, 128, 6, Rgba([255, 255, 255, 255]));
        write(&mut image, &name, 200, 24, cell, ink);
        png(image)
    }

    /// A house ad: words on a coloured ground with a band below.
    pub fn banner(words: &str, width: u32, height: u32, colour: [u8; 3]) -> Vec<u8> {
        let ground = Rgba([colour[0], colour[1], colour[2], 255]);
        let mut image = RgbaImage::from_pixel(width, height, ground);
        let cell = ((width * 8 / 10) / (text_width(words, 1) + 1)).clamp(4, height / 12);
        let w = text_width(words, cell);
        let x = (width.saturating_sub(w)) / 2;
        let y = (height.saturating_sub(cell * 7)) / 2;
        write(&mut image, words, x, y, cell, Rgba([255, 255, 255, 255]));
        fill(
            &mut image,
            x,
            y + cell * 9,
            w.min(width),
            cell.max(4),
            Rgba([242, 183, 5, 255]),
        );
        png(image)
    }
}

/// The ferry story as a paper corrects one: a dateline, a correction of the vote and a
/// later update; and a wire story from an agency, under the agency's byline.
async fn trust_on_the_record(
    store: &dyn Store,
    ids: &std::collections::HashMap<&'static str, i64>,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let newsroom = Newsroom::new(store);
    let notes = crate::trust::Trust::new(store);
    let fail = |e: NewsroomError| anyhow::anyhow!("demo content was refused: {e}");
    let ferry = &ARTICLES[0];
    let Some(&id) = ids.get(ferry.title) else {
        return Ok(());
    };
    let current = store.article_by_id(id).await?;
    let update = "The transport board said on Wednesday that the consultation on the quay \
                  layout will open on the 14th and run for six weeks.";
    newsroom
        .update_article(
            id,
            &ArticleRequest {
                dateline: Some(Some("Port Amani".into())),
                body: Some(format!("{}\n\n{update}", ferry.body)),
                version: Some(current.version),
                ..Default::default()
            },
            user,
            now - 30.minutes(),
        )
        .await
        .map_err(fail)?;
    for (kind, text, ago) in [
        (
            "correction",
            "An earlier version of this story said the council voted 33 to 7. The vote was 31 to 9.",
            50,
        ),
        ("update", update, 30),
    ] {
        notes
            .add_note(
                id,
                &crate::trust::CorrectionRequest {
                    kind: Some(kind.into()),
                    text: Some(text.into()),
                    at: Some((now - ago.minutes()).to_string()),
                    version: None,
                },
                user,
                now,
            )
            .await
            .map_err(fail)?;
    }
    let wire = ArticleRequest {
        title: Some("Fishing boats return to sea after a week-long storm ban".into()),
        standfirst: Some(
            "Crews along the coast went back out at first light as the harbour masters lifted the ban."
                .into(),
        ),
        body: Some(
            "Hundreds of fishing boats left harbour before dawn on Thursday after the coast \
             guard lifted a week-long ban on small craft put in place for the storm.\n\n\
             \"A week without a catch is a week without school fees,\" said Rehema Bakari, \
             who chairs a fishers' co-operative of 60 boats.\n\n\
             The meteorological office expects calm seas until the middle of next week."
                .into(),
        ),
        section: Some("counties".into()),
        tags: Some(vec!["Harbour".into(), "Weather".into()]),
        authors: Some(Vec::new()),
        lead_image: Some(Some(LeadImageRequest {
            url: "/static/demo/harbour.svg".into(),
            alt: "Small boats moored in a harbour under a clearing sky".into(),
            credit: Some("PNN".into()),
            caption: None,
        })),
        status: Some("published".into()),
        published_at: Some((now - 3.hours()).to_string()),
        dateline: Some(Some("Lamu".into())),
        source: Some(crate::trust::SourceRequest {
            kind: Some("agency".into()),
            agency: Some("PNN".into()),
            url: Some("https://pnn.example/wire/fishing-ban-lifted".into()),
            rights: Some("PNN wire service: may be run in full with credit.".into()),
        }),
        ..Default::default()
    };
    newsroom
        .create_article(&wire, user, now)
        .await
        .map_err(fail)?;
    Ok(())
}

/// The live blog's updates, oldest first: minutes before now, text, key-event title.
const FLOOD_WATCH: &[(i64, &str, Option<&str>)] = &[
    (
        185,
        "Good afternoon. The meteorological office has raised its warning for the coast to **red** as the long rains arrive early. We will follow the river, the roads and the ferries here through the evening.",
        Some("Red warning for the coast"),
    ),
    (
        170,
        "The Mto Mkuu gauge at the old bridge reads 2.4 m, up from 1.9 m this morning. The flood mark painted on the pier is 3.5 m.",
        None,
    ),
    (
        158,
        "Pwani Ferries say the 4 pm crossing will run; later sailings depend on the wind.",
        None,
    ),
    (
        141,
        "County engineers have closed the low road through Kibarani to all traffic. Buses to Mji Mpya are going round by the ring road, adding about twenty minutes.",
        Some("Kibarani low road closed"),
    ),
    (
        122,
        "Readers in Majengo send pictures of drains already overflowing on Soko Street. The county asks residents to report blocked drains on its hotline, 0800 720 720.",
        None,
    ),
    (
        101,
        "Schools in the lowest-lying wards will close at 2 pm tomorrow so children are home before the evening peak, the education office says.",
        None,
    ),
    (88, "River gauge at the old bridge: 2.9 m.", None),
    (
        74,
        "The last ferry of the day has sailed at 5.10 pm; the evening crossings are cancelled.",
        Some("Evening ferries cancelled"),
    ),
    (
        61,
        "The Red Cross has opened the Majengo community hall as a shelter. It has room for 300 people, with blankets and hot food from 7 pm.",
        None,
    ),
    (49, "River gauge at the old bridge: 3.1 m.", None),
    (
        37,
        "Power is off in parts of Kibarani and Old Town after a substation was switched off as a precaution, the power company says. No time given for reconnection.",
        None,
    ),
    (
        26,
        "The governor, speaking at the county emergency centre: \"Stay off the low road, stay away from the river banks, and check on your neighbours.\"",
        None,
    ),
    (
        18,
        "River gauge at the old bridge: 3.3 m, 20 cm below the flood mark.",
        None,
    ),
    (
        9,
        "Water has reached the steps of the fish market on the quay. Traders are moving stock to the upper floor.",
        None,
    ),
    (
        4,
        "The meteorological office expects the heaviest rain between 10 pm and 2 am. We will keep this page updated through the night.",
        None,
    ),
];

/// A live blog in progress: a flood watch with its updates, key events and a pinned entry
/// of the numbers readers need, as a reporter would post them from the field.
async fn live_blog(
    store: &dyn Store,
    user: &crate::store::User,
    now: Timestamp,
) -> anyhow::Result<()> {
    let fail = |e: NewsroomError| anyhow::anyhow!("demo live blog was refused: {e}");
    let request = ArticleRequest {
        title: Some("Flood watch: the long rains reach Port Amani".into()),
        standfirst: Some(
            "The river is rising, the low road is shut and the evening ferries are cancelled. \
             Follow the night as it happens."
                .into(),
        ),
        body: Some(
            "Our reporters are at the old bridge, the quay and the county emergency centre. \
             The newest updates are at the top."
                .into(),
        ),
        section: Some("news".into()),
        tags: Some(vec!["Weather".into(), "Flooding".into()]),
        authors: Some(vec!["amina-odhiambo".into()]),
        lead_image: Some(Some(LeadImageRequest {
            url: "/static/demo/rain.svg".into(),
            alt: "Dark rain clouds over rooftops and a wet street".into(),
            credit: Some("Courtesy".into()),
            caption: Some("Rain over Old Town on Thursday afternoon.".into()),
        })),
        status: Some("published".into()),
        published_at: Some((now - 450.minutes()).to_string()),
        format: Some("live".into()),
        ..Default::default()
    };
    let story = Newsroom::new(store)
        .create_article(&request, user, now)
        .await
        .map_err(fail)?;
    let blog = crate::live_blog::LiveBlog::new(store);
    // The morning's gauge readings, half an hour apart, fill a second page.
    let mut updates: Vec<(i64, String, Option<&str>)> = (0..8_i64)
        .map(|n| {
            (
                440 - n * 30,
                format!(
                    "Reading at the old bridge gauge: {:.2} m.",
                    1.5 + 0.05 * n as f64
                ),
                None,
            )
        })
        .collect();
    updates.extend(
        FLOOD_WATCH
            .iter()
            .map(|(minutes, text, title)| (*minutes, (*text).to_owned(), *title)),
    );
    for (minutes, body, title) in updates {
        let entry = crate::live_blog::EntryRequest {
            body: Some(body),
            title: title.map(str::to_owned),
            key_event: Some(title.is_some()),
            ..Default::default()
        };
        blog.post(story.id, &entry, user, now - minutes.minutes())
            .await
            .map_err(fail)?;
    }
    let pinned = crate::live_blog::EntryRequest {
        body: Some(
            "**Need help?** County emergency line 0800 720 720 (free). Shelter: Majengo \
             community hall. Stay off the Kibarani low road."
                .into(),
        ),
        title: Some("Emergency numbers and shelters".into()),
        pinned: Some(true),
        ..Default::default()
    };
    blog.post(story.id, &pinned, user, now - 150.minutes())
        .await
        .map_err(fail)?;
    Ok(())
}
