/**
 * Word lists for the benchmark's reference data. Fictional organizations; common given and family
 * names of several regions (a remote worker's network spans time zones), a few with diacritics so
 * that search normalization is exercised.
 */

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export interface BenchRegion {
  weight: number;
  cities: { city: string; country: string; timezone: string }[];
  given: string[];
  family: string[];
  /** E.164 templates: `#` any digit, `N` 2-9. */
  phones: string[];
  personalDomains: string[];
}

export const regions: BenchRegion[] = [
  {
    weight: 26,
    cities: [
      { city: 'New York', country: 'USA', timezone: 'America/New_York' },
      { city: 'Boston', country: 'USA', timezone: 'America/New_York' },
      { city: 'Chicago', country: 'USA', timezone: 'America/Chicago' },
      { city: 'Austin', country: 'USA', timezone: 'America/Chicago' },
      { city: 'Denver', country: 'USA', timezone: 'America/Denver' },
      { city: 'San Francisco', country: 'USA', timezone: 'America/Los_Angeles' },
      { city: 'Seattle', country: 'USA', timezone: 'America/Los_Angeles' },
      { city: 'Toronto', country: 'Canada', timezone: 'America/Toronto' },
      { city: 'Vancouver', country: 'Canada', timezone: 'America/Vancouver' },
    ],
    given: list(
      'Emily, Michael, Sarah, David, Jessica, Chris, Ashley, Matthew, Lauren, Daniel, Megan, Ryan, Rachel, Tyler, Nicole, Brandon, Olivia, Ethan, Hannah, Jordan, Maya, Marcus, Kevin, Alicia, Andre, Jasmine, Noah, Riley, Grace, Caleb, Madison, Austin, Brittany, Justin, Samantha, Aaron, Kayla, Nathan, Victoria, Dylan, Abigail, Logan, Natalie, Gavin, Chloe, Trevor, Leah, Derek, Paige, Spencer',
    ),
    family: list(
      'Johnson, Williams, Brown, Miller, Davis, Anderson, Taylor, Thomas, Moore, Jackson, Martin, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, Hill, Campbell, Mitchell, Roberts, Carter, Phillips, Evans, Turner, Parker, Collins, Edwards, Stewart, Morris, Murphy, Cook, Rogers, Morgan, Cooper, Peterson, Bailey, Reed, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson, Brooks, Bennett, Gray, Hughes, Price, Sanders, Myers, Long, Ross, Foster, Powell, Jenkins, Perry, Russell, Sullivan, Bell, Coleman, Butler, Henderson, Barnes, Fisher, Vasquez, Simmons, Graham, Wallace',
    ),
    phones: ['+1212N######', '+1415N######', '+1617N######', '+1312N######', '+1206N######', '+1416N######', '+1512N######'],
    personalDomains: ['gmail.com', 'outlook.com', 'icloud.com', 'yahoo.com'],
  },
  {
    weight: 12,
    cities: [
      { city: 'London', country: 'UK', timezone: 'Europe/London' },
      { city: 'Manchester', country: 'UK', timezone: 'Europe/London' },
      { city: 'Edinburgh', country: 'UK', timezone: 'Europe/London' },
      { city: 'Dublin', country: 'Ireland', timezone: 'Europe/Dublin' },
    ],
    given: list('Oliver, Amelia, Harry, Isla, George, Ava, Jack, Freya, Charlie, Poppy, Thomas, Imogen, James, Niamh, Callum, Siobhan, Rhys, Eleanor, Aoife, Ciarán, Alfie, Rosie, Finley, Evie, Archie, Phoebe, Seamus, Orla'),
    family: list('Smith, Jones, Wilson, Walsh, O’Brien, Kelly, Clarke, Davies, Fletcher, Gallagher, Byrne, Shah, Okafor, McCarthy, Doyle, Quinn, Hughes, Lynch, Brennan, Farrell, Ahmed, Hussain, Khan, Begum, Whitfield, Ashworth'),
    phones: ['+44 7### ######', '+353 8N ### ####'].map((p) => p.replace(/ /g, '')),
    personalDomains: ['gmail.com', 'hotmail.co.uk', 'icloud.com'],
  },
  {
    weight: 16,
    cities: [
      { city: 'Berlin', country: 'Germany', timezone: 'Europe/Berlin' },
      { city: 'Munich', country: 'Germany', timezone: 'Europe/Berlin' },
      { city: 'Stockholm', country: 'Sweden', timezone: 'Europe/Stockholm' },
      { city: 'Warsaw', country: 'Poland', timezone: 'Europe/Warsaw' },
      { city: 'Paris', country: 'France', timezone: 'Europe/Paris' },
      { city: 'Amsterdam', country: 'Netherlands', timezone: 'Europe/Amsterdam' },
      { city: 'Madrid', country: 'Spain', timezone: 'Europe/Madrid' },
      { city: 'Lisbon', country: 'Portugal', timezone: 'Europe/Lisbon' },
      { city: 'Milan', country: 'Italy', timezone: 'Europe/Rome' },
      { city: 'Zürich', country: 'Switzerland', timezone: 'Europe/Zurich' },
    ],
    given: list(
      'Lukas, Anna, Felix, Lena, Jonas, Marie, Leon, Sophie, Paul, Johanna, Tobias, Katharina, Erik, Astrid, Oskar, Elsa, Linnea, Piotr, Agnieszka, Tomasz, Magdalena, Paweł, Camille, Lucas, Chloé, Hugo, Léa, Théo, Inès, Antoine, Élodie, Mathieu, Daan, Sanne, Bram, Femke, Lucía, Pablo, Sofía, Javier, Marta, Alejandro, Carmen, João, Beatriz, Tiago, Giulia, Marco, Francesca, Matteo, Chiara, Luca',
    ),
    family: list(
      'Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Richter, Neumann, Zimmermann, Andersson, Lindqvist, Karlsson, Nowak, Wójcik, Kaczmarek, Mazur, Dubois, Moreau, Laurent, Lefebvre, Fontaine, Girard, Mercier, de Jong, Jansen, de Vries, van Dijk, Bakker, Visser, García, Fernández, López, Sánchez, Navarro, Torres, Silva, Santos, Ferreira, Costa, Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Keller, Brunner, Huber',
    ),
    phones: ['+4915N########', '+4670#######', '+48N########', '+336########', '+316########', '+346########', '+3519########', '+393#########'],
    personalDomains: ['gmail.com', 'web.de', 'gmx.de', 'proton.me', 'orange.fr'],
  },
  {
    weight: 14,
    cities: [
      { city: 'Bengaluru', country: 'India', timezone: 'Asia/Kolkata' },
      { city: 'Pune', country: 'India', timezone: 'Asia/Kolkata' },
      { city: 'Singapore', country: 'Singapore', timezone: 'Asia/Singapore' },
      { city: 'Tokyo', country: 'Japan', timezone: 'Asia/Tokyo' },
      { city: 'Seoul', country: 'South Korea', timezone: 'Asia/Seoul' },
      { city: 'Sydney', country: 'Australia', timezone: 'Australia/Sydney' },
      { city: 'Melbourne', country: 'Australia', timezone: 'Australia/Melbourne' },
    ],
    given: list(
      'Aarav, Priya, Rohan, Ananya, Vikram, Kavya, Arjun, Neha, Siddharth, Meera, Karthik, Divya, Haruto, Yui, Sota, Aoi, Kenji, Sakura, Daiki, Mei, Minjun, Seoyeon, Dohyun, Haeun, Wei, Jun, Hui, Darren, Lachlan, Matilda, Cooper, Isabella',
    ),
    family: list(
      'Sharma, Iyer, Reddy, Nair, Gupta, Menon, Rao, Krishnan, Desai, Banerjee, Kulkarni, Sato, Suzuki, Takahashi, Tanaka, Watanabe, Yamamoto, Nakamura, Kobayashi, Kim, Lee, Park, Choi, Jung, Kang, Tan, Lim, Ng, Wong, Goh, Chua, Teo, Nguyen, Tran, Pham, Singh, Fraser, Robertson',
    ),
    phones: ['+919N########', '+659#######', '+8190########', '+8210########', '+614########'],
    personalDomains: ['gmail.com', 'yahoo.co.in', 'outlook.com'],
  },
  {
    weight: 8,
    cities: [
      { city: 'São Paulo', country: 'Brazil', timezone: 'America/Sao_Paulo' },
      { city: 'Mexico City', country: 'Mexico', timezone: 'America/Mexico_City' },
      { city: 'Buenos Aires', country: 'Argentina', timezone: 'America/Argentina/Buenos_Aires' },
      { city: 'Bogotá', country: 'Colombia', timezone: 'America/Bogota' },
    ],
    given: list('Gabriel, Ana, Rafael, Juliana, Felipe, Larissa, Bruno, Camila, Santiago, Valentina, Mateo, Ximena, Emiliano, Regina, Diego, Martina, Joaquín, Renata'),
    family: list('Souza, Oliveira, Pereira, Lima, Carvalho, Ribeiro, Almeida, Hernández, González, Ramírez, Flores, Vargas, Cruz, Morales, Reyes, Gómez, Díaz, Castro'),
    phones: ['+55119########', '+5411########'],
    personalDomains: ['gmail.com', 'hotmail.com', 'yahoo.com.br'],
  },
  {
    weight: 6,
    cities: [
      { city: 'Lagos', country: 'Nigeria', timezone: 'Africa/Lagos' },
      { city: 'Nairobi', country: 'Kenya', timezone: 'Africa/Nairobi' },
      { city: 'Cape Town', country: 'South Africa', timezone: 'Africa/Johannesburg' },
    ],
    given: list('Chinedu, Adaeze, Tunde, Folake, Emeka, Ngozi, Oluwaseun, Ifeoma, Wanjiru, Brian, Achieng, Kamau, Thabo, Lerato, Sipho, Naledi'),
    family: list('Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Adebayo, Otieno, Mwangi, Odhiambo, Njoroge, Nkosi, Dlamini, Botha, Naidoo, Khumalo'),
    phones: ['+234803#######', '+2547########', '+2782#######'],
    personalDomains: ['gmail.com', 'yahoo.com'],
  },
];

export const orgPrefixes = list(
  'Northwind, Brightwave, Juniper, Kelpwise, Orbit, Lumen, Quill, Harbor, Fernhill, Copperleaf, Mosaic, Stack, Pinecrest, Saltmarsh, Verdant, Atlas, Bluefjord, Kestrel, Cinder, Paperplane, Meridian, Halcyon, Switchback, Tidal, Granite, Aurora, Beacon, Cobalt, Driftwood, Ember, Foxglove, Glacier, Hawthorn, Indigo, Jasper, Kite, Larch, Marigold, Nimbus, Oakridge, Pebble, Quartz, Redwood, Sable, Thistle, Umber, Vantage, Willow, Yarrow, Zephyr, Arbor, Basalt, Canopy, Delta, Evergreen, Falcon, Gossamer, Heron, Ironbark, Lattice, Monarch, Nova, Obsidian, Prairie, Riverbend, Summit, Trellis, Upland',
);
export const orgSuffixes = list(
  'Labs, Analytics, Health, Systems, Robotics, Capital, Logistics, Media, Security, Cloud, Games, Energy, Studio, Software, Bank, Learning, Foundation, Partners, Works, Digital, Data, Ventures, Collective, Networks, Bio, Design, Consulting, Payments, Mobility, Insurance, Foods, Research, Instruments, Devices, Commerce, Platforms, AI, Dynamics, Group, Co',
);

export const titles = list(
  'Software Engineer, Senior Software Engineer, Staff Engineer, Principal Engineer, Engineering Manager, Director of Engineering, VP Engineering, CTO, Product Manager, Senior Product Manager, Head of Product, Product Designer, UX Researcher, Design Lead, Data Scientist, Data Engineer, Machine Learning Engineer, Analytics Lead, Founder, Co-founder, CEO, COO, Head of People, Recruiter, Talent Partner, Developer Advocate, Technical Writer, Site Reliability Engineer, Security Engineer, Solutions Architect, Account Executive, Customer Success Manager, Marketing Lead, Growth Lead, Community Manager, Investor, Partner, Professor, PhD Student, Consultant',
);

export const headlines = list(
  'Building developer tools for remote teams, Helping startups hire their first engineers, Writing about distributed systems, Open-source maintainer, Angel investor in climate tech, Designing calm software, Mentor for new managers, Speaker on async communication, Making data pipelines boring, Bootstrapping a SaaS company, Product thinking for engineers, Accessibility advocate',
);

export const tagNames = list(
  'mentor, mentee, investor, founder, hiring, recruiter, former-colleague, conference, open-source, climate, design, engineering, product, data, security, devrel, community, podcast, writer, speaker, advisor, client, vendor, partner, alumni, university, remote-work, friend, family, neighbor, book-club, running, climbing, chess, photography, music, cooking, volunteering, board, press, researcher, ai, fintech, healthtech, gaming, nonprofit, introduced-by-friend, met-online, follow-up-later, vip',
);
export const tagColors = ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#9c36b5', '#0c8599', null] as const;

export const events = list('KubeCon, RemoteCon, JSConf, PyCon, Web Summit, re:Invent, NodeConf, the product meetup, the founders dinner, the climate hackathon, the design systems summit, the data council');

export const topics = list(
  'quarterly roadmap review, hiring plan for the data team, feedback on the pitch deck, kubernetes migration, offsite planning in Lisbon, career advice, salary negotiation tips, the new onboarding flow, API pricing, fundraising timeline, their move to Berlin, conference talk proposal, open-source licensing, remote team rituals, incident postmortem, design system adoption, analytics dashboard, customer churn, board meeting prep, book recommendations, side project idea, product launch retro, interview loop redesign, observability stack, mentoring plan, burnout and recovery, async standups, pairing session, GraphQL federation, Postgres upgrade, SQLite at the edge, security audit findings, SOC2 preparation, marketing website refresh, community forum moderation, podcast interview, grant application, accessibility review, mobile app release, pricing experiment, partnership proposal, vendor evaluation, team reorg, promotion case, parental leave plans, relocation logistics, visa sponsorship, coffee roasting hobby, marathon training, climbing trip, chess tournament, photography workshop, volunteering at the food bank, reading group, machine learning evaluation, LLM prototype, data warehouse costs, contract renewal, referral for a friend, job offer comparison, equity questions, angel investment, seed round, Series A metrics, customer interviews, usability testing results, technical debt, monorepo tooling, CI speedups, on-call rotation, latency regression, caching strategy, database sharding, event sourcing, typescript migration, rust rewrite, hackathon idea, newsletter launch, conference travel, speaking coaching, writing a book, course feedback, thesis defense, research collaboration, climate dataset, carbon accounting, fintech compliance, payments outage, healthtech regulations, game jam, nonprofit board, fundraiser gala, neighborhood garden, cooking class, music festival, birthday plans, wedding invitation, holiday plans',
);

export const noteSentences = list(
  'Prefers mornings for calls, Has two kids and a dog named Pixel, Moving to a four-day week next quarter, Is writing a book on team rituals, Loves specialty coffee, Looking for a new role in the spring, Introduced me to half of the Berlin startup scene, Ask about the marathon next time, Vegetarian; remember for dinners, Recommended Thinking in Systems, Wants an intro to a seed investor, Runs the local design meetup, Speaks Portuguese and Japanese, Allergic to peanuts, Always replies within a day',
);

export const followUpReasons = list(
  'Send the article we talked about, Introduce to a recruiter, Check in after the launch, Ask how the new job is going, Share the conference recording, Congratulate on the funding round, Send a thank-you note, Follow up on the job offer, Return the borrowed book, Schedule the next mentoring session, Review their talk draft, Send feedback on the prototype, Ask for the investor intro, Confirm dinner plans, Wish a happy birthday',
);

export const howWeMet = list(
  'Met at KubeCon, Colleagues at a previous company, Introduced by a mutual friend, Met at a remote-work meetup, Worked together on an open-source project, Classmates at university, Met on a conference panel, Neighbors for a few years, Met through the climbing gym, Connected on LinkedIn after a talk',
);
