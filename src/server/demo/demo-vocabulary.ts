/**
 * Word lists for the demo data. Organizations are fictional; names are common first and family
 * names of each region, so a remote worker's network looks like one (spread across time zones).
 * Phone templates: `#` is any digit, `N` is 2-9; each template yields numbers libphonenumber-js
 * accepts as valid for that country (the generator re-checks every number).
 */

export interface City {
  city: string;
  country: string;
  timezone: string;
  phones: string[];
}

export interface Region {
  cities: City[];
  /** Given names with a gender mark (f/m/x) used only to pick pronouns. */
  given: string[];
  family: string[];
  mobiles: string[];
  weight: number;
}

const names = (list: string) => list.split(',').map((s) => s.trim());

const city = (name: string, country: string, timezone: string, ...phones: string[]): City => ({ city: name, country, timezone, phones });

export const regions: Region[] = [
  {
    weight: 20,
    cities: [
      city('New York', 'USA', 'America/New_York', '+1 212 N## ####', '+1 646 N## ####'),
      city('Boston', 'USA', 'America/New_York', '+1 617 N## ####'),
      city('Chicago', 'USA', 'America/Chicago', '+1 312 N## ####'),
      city('Austin', 'USA', 'America/Chicago', '+1 512 N## ####'),
      city('Denver', 'USA', 'America/Denver', '+1 303 N## ####'),
      city('San Francisco', 'USA', 'America/Los_Angeles', '+1 415 N## ####'),
      city('Seattle', 'USA', 'America/Los_Angeles', '+1 206 N## ####'),
      city('Portland', 'USA', 'America/Los_Angeles', '+1 503 N## ####'),
      city('Toronto', 'Canada', 'America/Toronto', '+1 416 N## ####'),
      city('Vancouver', 'Canada', 'America/Vancouver', '+1 604 N## ####'),
    ],
    given: names(
      'Emily:f, Michael:m, Sarah:f, David:m, Jessica:f, Chris:m, Ashley:f, Matthew:m, Lauren:f, Daniel:m, Megan:f, Ryan:m, Rachel:f, Tyler:m, Nicole:f, Brandon:m, Olivia:f, Ethan:m, Hannah:f, Jordan:x, Maya:f, Marcus:m, Kevin:m, Alicia:f, Andre:m, Jasmine:f, Noah:m, Riley:x, Grace:f, Caleb:m',
    ),
    family: names(
      'Johnson, Williams, Brown, Garcia, Miller, Davis, Rodriguez, Martinez, Anderson, Taylor, Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Nguyen, Patel, Kim, Chen, Rivera, Brooks',
    ),
    mobiles: [],
  },
  {
    weight: 8,
    cities: [city('London', 'UK', 'Europe/London', '+44 20 7### ####'), city('Manchester', 'UK', 'Europe/London', '+44 161 ### ####'), city('Bristol', 'UK', 'Europe/London', '+44 117 ### ####')],
    given: names('Oliver:m, Amelia:f, Harry:m, Isla:f, George:m, Ava:f, Jack:m, Freya:f, Charlie:x, Poppy:f, Thomas:m, Imogen:f, James:m, Callum:m, Rhys:m, Eleanor:f, Priya:f, Omar:m'),
    family: names('Smith, Jones, Evans, Hughes, Wilson, Roberts, Clarke, Turner, Edwards, Davies, Bennett, Fletcher, Shah, Ahmed, Khan, Cooper'),
    mobiles: ['+44 7### ######'],
  },
  {
    weight: 2,
    cities: [city('Dublin', 'Ireland', 'Europe/Dublin', '+353 1 ### ####'), city('Cork', 'Ireland', 'Europe/Dublin', '+353 21 ### ####')],
    given: names('Niamh:f, Siobhan:f, Aoife:f, Ciarán:m, Seán:m, Cillian:m, Orla:f, Darragh:m'),
    family: names('Walsh, O’Brien, Murphy, Kelly, Byrne, Gallagher, Ryan, Doyle'),
    mobiles: ['+353 8N ### ####'],
  },
  {
    weight: 6,
    cities: [city('Berlin', 'Germany', 'Europe/Berlin', '+49 30 #### ####'), city('Munich', 'Germany', 'Europe/Berlin', '+49 89 #### ####')],
    given: names('Lukas:m, Anna:f, Felix:m, Lena:f, Jonas:m, Marie:f, Leon:m, Sophie:f, Paul:m, Johanna:f, Tobias:m, Katharina:f, Emre:m, Leyla:f'),
    family: names('Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Richter, Neumann, Zimmermann, Yilmaz'),
    mobiles: ['+49 15N ########'],
  },
  {
    weight: 2,
    cities: [city('Stockholm', 'Sweden', 'Europe/Stockholm', '+46 8 ### ### ##')],
    given: names('Erik:m, Astrid:f, Oskar:m, Elsa:f, Nils:m, Maja:f, Linnea:f, Johan:m'),
    family: names('Andersson, Johansson, Karlsson, Nilsson, Eriksson, Lindqvist'),
    mobiles: ['+46 70 ### ## ##'],
  },
  {
    weight: 3,
    cities: [city('Warsaw', 'Poland', 'Europe/Warsaw', '+48 22 ### ## ##')],
    given: names('Piotr:m, Agnieszka:f, Tomasz:m, Magdalena:f, Paweł:m, Katarzyna:f, Krzysztof:m, Zofia:f'),
    family: names('Nowak, Wójcik, Kaczmarek, Mazur, Krawczyk, Zając, Król, Wieczorek'),
    mobiles: ['+48 5## ### ###', '+48 6## ### ###'],
  },
  {
    weight: 3,
    cities: [city('Paris', 'France', 'Europe/Paris', '+33 1 ## ## ## ##'), city('Lyon', 'France', 'Europe/Paris', '+33 4 ## ## ## ##')],
    given: names('Camille:x, Lucas:m, Chloé:f, Hugo:m, Léa:f, Théo:m, Inès:f, Antoine:m, Élodie:f, Mathieu:m'),
    family: names('Martin, Bernard, Dubois, Moreau, Laurent, Lefebvre, Fontaine, Girard, Mercier, Benali'),
    mobiles: ['+33 6 ## ## ## ##'],
  },
  {
    weight: 3,
    cities: [city('Amsterdam', 'Netherlands', 'Europe/Amsterdam', '+31 20 ### ####'), city('Rotterdam', 'Netherlands', 'Europe/Amsterdam', '+31 10 ### ####')],
    given: names('Daan:m, Sanne:f, Sem:m, Lotte:f, Bram:m, Femke:f, Thijs:m, Anouk:f'),
    family: names('de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit'),
    mobiles: ['+31 6 ########'],
  },
  {
    weight: 3,
    cities: [city('Madrid', 'Spain', 'Europe/Madrid', '+34 91N ### ###'), city('Barcelona', 'Spain', 'Europe/Madrid', '+34 93N ### ###')],
    given: names('Lucía:f, Pablo:m, Sofía:f, Javier:m, Marta:f, Alejandro:m, Carmen:f, Diego:m'),
    family: names('García, Fernández, López, Sánchez, Romero, Navarro, Torres, Ruiz'),
    mobiles: ['+34 6## ### ###'],
  },
  {
    weight: 2,
    cities: [city('Lisbon', 'Portugal', 'Europe/Lisbon', '+351 21# ### ###')],
    given: names('João:m, Inês:f, Tiago:m, Beatriz:f, Rui:m, Mariana:f'),
    family: names('Silva, Santos, Ferreira, Costa, Oliveira, Pereira'),
    mobiles: ['+351 91# ### ###'],
  },
  {
    weight: 2,
    cities: [city('Milan', 'Italy', 'Europe/Rome', '+39 02 #### ####')],
    given: names('Giulia:f, Marco:m, Francesca:f, Luca:m, Chiara:f, Matteo:m'),
    family: names('Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Ricci'),
    mobiles: ['+39 3## ### ####'],
  },
  {
    weight: 7,
    cities: [city('Bengaluru', 'India', 'Asia/Kolkata', '+91 80 #### ####'), city('Pune', 'India', 'Asia/Kolkata', '+91 20 #### ####')],
    given: names('Aarav:m, Priya:f, Rohan:m, Ananya:f, Vikram:m, Kavya:f, Arjun:m, Neha:f, Siddharth:m, Meera:f, Karthik:m, Divya:f'),
    family: names('Sharma, Iyer, Reddy, Nair, Gupta, Menon, Rao, Krishnan, Desai, Banerjee, Kulkarni'),
    mobiles: ['+91 9N### #####'],
  },
  {
    weight: 2,
    cities: [city('Tokyo', 'Japan', 'Asia/Tokyo', '+81 3 #### ####')],
    given: names('Haruto:m, Yui:f, Sota:m, Aoi:x, Kenji:m, Sakura:f, Daiki:m, Mei:f'),
    family: names('Sato, Suzuki, Takahashi, Tanaka, Watanabe, Yamamoto, Nakamura, Kobayashi'),
    mobiles: ['+81 90 #### ####'],
  },
  {
    weight: 2,
    cities: [city('Seoul', 'South Korea', 'Asia/Seoul', '+82 2 #### ####')],
    given: names('Ji-woo:f, Min-jun:m, Seo-yeon:f, Do-hyun:m, Ha-eun:f, Ji-ho:x'),
    family: names('Kim, Lee, Park, Choi, Jung, Kang'),
    mobiles: ['+82 10 #### ####'],
  },
  {
    weight: 2,
    cities: [city('Singapore', 'Singapore', 'Asia/Singapore', '+65 6### ####')],
    given: names('Wei Ling:f, Jun Jie:m, Hui Min:f, Darren:m, Rachel:f, Marcus:m'),
    family: names('Tan, Lim, Ng, Wong, Goh, Chua, Teo'),
    mobiles: ['+65 9### ####', '+65 8### ####'],
  },
  {
    weight: 3,
    cities: [city('Sydney', 'Australia', 'Australia/Sydney', '+61 2 #### ####'), city('Melbourne', 'Australia', 'Australia/Melbourne', '+61 3 #### ####')],
    given: names('Jack:m, Charlotte:f, William:m, Mia:f, Lachlan:m, Chloe:f, Cooper:m, Matilda:f'),
    family: names('Campbell, Stewart, Mitchell, Kelly, Fraser, Nguyen, Singh, Robertson'),
    mobiles: ['+61 4## ### ###'],
  },
  {
    weight: 1,
    cities: [city('Auckland', 'New Zealand', 'Pacific/Auckland', '+64 9 ### ####')],
    given: names('Hamish:m, Aroha:f, Tāne:m, Zoe:f, Mere:f, Liam:m'),
    family: names('Ngata, Parata, Wilson, McDonald, Hall, Tane'),
    mobiles: ['+64 21 ### ####'],
  },
  {
    weight: 3,
    cities: [city('São Paulo', 'Brazil', 'America/Sao_Paulo', '+55 11 3### ####')],
    given: names('Gabriel:m, Ana:f, Rafael:m, Juliana:f, Felipe:m, Larissa:f, Bruno:m, Camila:f'),
    family: names('Souza, Oliveira, Pereira, Lima, Carvalho, Ribeiro, Almeida, Costa'),
    mobiles: ['+55 11 9#### ####'],
  },
  {
    weight: 3,
    cities: [city('Mexico City', 'Mexico', 'America/Mexico_City', '+52 55 #### ####')],
    given: names('Santiago:m, Valentina:f, Mateo:m, Ximena:f, Emiliano:m, Regina:f, Diego:m, Sofía:f'),
    family: names('Hernández, González, Ramírez, Flores, Vargas, Cruz, Morales, Reyes'),
    mobiles: [],
  },
  {
    weight: 3,
    cities: [city('Lagos', 'Nigeria', 'Africa/Lagos', '+234 803 ### ####', '+234 809 ### ####')],
    given: names('Chinedu:m, Adaeze:f, Tunde:m, Folake:f, Emeka:m, Ngozi:f, Oluwaseun:x, Ifeoma:f'),
    family: names('Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Adebayo, Obi'),
    mobiles: [],
  },
  {
    weight: 2,
    cities: [city('Nairobi', 'Kenya', 'Africa/Nairobi', '+254 20 ### ####')],
    given: names('Wanjiru:f, Brian:m, Achieng:f, Kamau:m, Faith:f, Dennis:m'),
    family: names('Otieno, Mwangi, Odhiambo, Njoroge, Ochieng, Kiprotich'),
    mobiles: ['+254 7## ######'],
  },
  {
    weight: 2,
    cities: [city('Cape Town', 'South Africa', 'Africa/Johannesburg', '+27 21 ### ####'), city('Johannesburg', 'South Africa', 'Africa/Johannesburg', '+27 11 ### ####')],
    given: names('Thabo:m, Lerato:f, Sipho:m, Naledi:f, Pieter:m, Anika:f, Zanele:f, Johan:m'),
    family: names('Nkosi, Dlamini, van der Merwe, Botha, Naidoo, Mokoena, Pillay, Khumalo'),
    mobiles: ['+27 82 ### ####'],
  },
];

export interface DemoOrganization {
  name: string;
  domain: string;
  about: string;
}

export const organizations: DemoOrganization[] = [
  { name: 'Northwind Labs', domain: 'northwindlabs.io', about: 'Developer tooling for distributed teams' },
  { name: 'Brightwave Analytics', domain: 'brightwave.ai', about: 'Product analytics' },
  { name: 'Juniper & Finch', domain: 'juniperfinch.studio', about: 'Independent design studio' },
  { name: 'Kelpwise Health', domain: 'kelpwise.health', about: 'Remote-first digital health' },
  { name: 'Orbitcraft', domain: 'orbitcraft.dev', about: 'Satellite data APIs' },
  { name: 'Lumen Ledger', domain: 'lumenledger.com', about: 'Accounting software for small businesses' },
  { name: 'Quillfeather', domain: 'quillfeather.co', about: 'Writing and publishing platform' },
  { name: 'Harborline Logistics', domain: 'harborline.io', about: 'Freight software' },
  { name: 'Fernhill Capital', domain: 'fernhill.vc', about: 'Seed-stage venture fund' },
  { name: 'Copperleaf Robotics', domain: 'copperleaf.tech', about: 'Warehouse robotics' },
  { name: 'Mosaic Remote', domain: 'mosaicremote.com', about: 'Remote-work consultancy' },
  { name: 'Stackyard', domain: 'stackyard.dev', about: 'CI/CD platform' },
  { name: 'Pinecrest University', domain: 'pinecrest.edu', about: 'University' },
  { name: 'Saltmarsh Games', domain: 'saltmarshgames.com', about: 'Indie game studio' },
  { name: 'Verdant Grid', domain: 'verdantgrid.energy', about: 'Grid software for renewables' },
  { name: 'Atlas & Ivy', domain: 'atlasivy.co', about: 'Tech recruiting' },
  { name: 'Bluefjord Systems', domain: 'bluefjord.se', about: 'Embedded systems' },
  { name: 'Kestrel Security', domain: 'kestrelsec.io', about: 'Application security' },
  { name: 'Cinder Cloud', domain: 'cindercloud.net', about: 'Managed databases' },
  { name: 'Paperplane Media', domain: 'paperplane.fm', about: 'Podcast network' },
  { name: 'Meridian Open Source Foundation', domain: 'meridian-oss.org', about: 'Open-source foundation' },
  { name: 'Halcyon Bank', domain: 'halcyonbank.com', about: 'Digital bank' },
  { name: 'Switchback Learning', domain: 'switchback.school', about: 'Online bootcamps' },
  { name: 'Nimbus Notes', domain: 'nimbusnotes.app', about: 'Note-taking app' },
  { name: 'Sable & Stone', domain: 'sablestone.design', about: 'Architecture and design' },
  { name: 'Riverbend Coffee Co.', domain: 'riverbendcoffee.com', about: 'Specialty coffee roaster' },
  { name: 'Polaris Health Systems', domain: 'polarishs.com', about: 'Hospital software' },
  { name: 'Wildflower Ventures', domain: 'wildflower.vc', about: 'Climate venture fund' },
  { name: 'Granite Peak Consulting', domain: 'granitepeak.consulting', about: 'Strategy consulting' },
  { name: 'Hummingbird Payments', domain: 'hummingbirdpay.com', about: 'Payments infrastructure' },
  { name: 'Octave Audio', domain: 'octaveaudio.io', about: 'Audio software' },
  { name: 'Weft & Warp', domain: 'weftwarp.co', about: 'Fashion technology' },
  { name: 'Emberline Studios', domain: 'emberline.studio', about: 'Animation studio' },
  { name: 'Cobalt Civic', domain: 'cobaltcivic.org', about: 'Civic technology nonprofit' },
  { name: 'Farfield Data', domain: 'farfielddata.com', about: 'Data engineering services' },
  { name: 'Tessellate AI', domain: 'tessellate.ai', about: 'Machine-learning infrastructure' },
  { name: 'Ridgeway Partners', domain: 'ridgewaylaw.com', about: 'Technology law firm' },
  { name: 'Open Harbor Collective', domain: 'openharbor.community', about: 'Community for remote workers' },
  { name: 'Skylark Travel', domain: 'skylark.travel', about: 'Travel marketplace' },
  { name: 'Mapleworks', domain: 'mapleworks.ca', about: 'Product agency' },
  { name: 'Sunda Labs', domain: 'sundalabs.sg', about: 'Fintech for Southeast Asia' },
];

export interface Role {
  title: string;
  tags: string[];
  /** Whether people in this role usually have a GitHub profile. */
  github: boolean;
  weight: number;
}

export const roles: Role[] = [
  { title: 'Senior Software Engineer', tags: ['engineering'], github: true, weight: 12 },
  { title: 'Staff Engineer', tags: ['engineering'], github: true, weight: 6 },
  { title: 'Principal Engineer', tags: ['engineering'], github: true, weight: 3 },
  { title: 'Engineering Manager', tags: ['engineering', 'leadership'], github: true, weight: 6 },
  { title: 'VP of Engineering', tags: ['engineering', 'leadership'], github: false, weight: 2 },
  { title: 'CTO', tags: ['leadership'], github: true, weight: 2 },
  { title: 'Founder & CEO', tags: ['founder', 'leadership'], github: false, weight: 3 },
  { title: 'Product Manager', tags: ['product'], github: false, weight: 7 },
  { title: 'Head of Product', tags: ['product', 'leadership'], github: false, weight: 2 },
  { title: 'Product Designer', tags: ['design'], github: false, weight: 6 },
  { title: 'UX Researcher', tags: ['design'], github: false, weight: 3 },
  { title: 'Design Systems Lead', tags: ['design'], github: true, weight: 2 },
  { title: 'Data Scientist', tags: ['data'], github: true, weight: 4 },
  { title: 'Machine Learning Engineer', tags: ['data', 'ai'], github: true, weight: 3 },
  { title: 'Developer Advocate', tags: ['devrel', 'speaker'], github: true, weight: 4 },
  { title: 'Community Manager', tags: ['community'], github: false, weight: 3 },
  { title: 'Technical Writer', tags: ['writing'], github: true, weight: 2 },
  { title: 'Site Reliability Engineer', tags: ['engineering'], github: true, weight: 3 },
  { title: 'Security Engineer', tags: ['engineering', 'security'], github: true, weight: 2 },
  { title: 'Technical Recruiter', tags: ['recruiter', 'hiring'], github: false, weight: 3 },
  { title: 'Partner', tags: ['investor'], github: false, weight: 2 },
  { title: 'Marketing Lead', tags: ['marketing'], github: false, weight: 2 },
  { title: 'Podcast Host', tags: ['podcast', 'speaker'], github: false, weight: 1 },
  { title: 'Professor of Computer Science', tags: ['academia'], github: true, weight: 1 },
  { title: 'Head of People', tags: ['leadership', 'remote-work'], github: false, weight: 2 },
  { title: 'Independent Consultant', tags: ['freelance'], github: true, weight: 3 },
];

export const tagColors: Record<string, string> = {
  mentor: '#7c3aed',
  mentee: '#a855f7',
  hiring: '#16a34a',
  'former-colleague': '#0ea5e9',
  conference: '#f59e0b',
  investor: '#dc2626',
  founder: '#ea580c',
  'open-source': '#2563eb',
  'remote-work': '#0d9488',
  friend: '#db2777',
};

export const events = [
  'RemoteCon 2024',
  'RemoteCon 2025',
  'JSConf EU',
  'Config 2024',
  'KubeCon Europe',
  'PyCon US',
  'Lead Dev London',
  'Lead Dev Berlin',
  'DevRelCon',
  'Write the Docs Portland',
  'Remote Work Summit',
  'GitHub Universe',
  'SREcon',
  'Women in Tech Global Conference',
];

export const communities = [
  'the Rands Leadership Slack',
  'the Remote Work Hub Discord',
  'the Write the Docs Slack',
  'the Open Harbor community',
  'Indie Hackers',
  'the Elixir Forum',
  'the Design Systems Slack',
  'the Staff Engineer circle',
  'the DevRel Collective',
];

export const topics = [
  'async standups',
  'their move into a staff role',
  'hiring for the platform team',
  'burnout and boundaries',
  'a conference talk proposal',
  'open-source maintainership',
  'pricing for their SaaS',
  'moving to Lisbon',
  'design systems at scale',
  'on-call rotations',
  'a career change into UX',
  'remote onboarding',
  'writing a technical book',
  'their seed round',
  'the Rust rewrite',
  'running a four-day week',
  'mentoring junior engineers',
  'managing across time zones',
  'their parental leave',
  'a podcast guest spot',
  'the new observability stack',
  'salary negotiation',
  'going freelance',
  'their product launch',
  'building a developer community',
  'LLM evaluation',
  'accessibility audits',
  'a reading list for new managers',
  'coffee roulette for their team',
  'their promotion packet',
  'climate tech opportunities',
  'documentation culture',
  'the reorg at their company',
  'a side project idea',
  'speaking at meetups',
];

export const milestones = ['the new job', 'the promotion', 'the product launch', 'the book deal', 'the funding round', 'the conference keynote', 'the new baby', 'the marathon'];

export const books = ['"The Manager’s Path"', '"Staff Engineer"', '"Team Topologies"', '"Remote: Office Not Required"', '"Working in Public"', '"The Culture Map"', '"Never Split the Difference"', '"Shape Up"'];

export const hobbies = ['trail running', 'sourdough baking', 'bouldering', 'birdwatching', 'board games', 'film photography', 'cycling', 'pottery', 'chess', 'sailing', 'jazz piano', 'gardening'];
