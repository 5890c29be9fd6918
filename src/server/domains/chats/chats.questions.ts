import type { ChatPurpose } from '../../../contracts/chats';

/** The question bank a new account starts with: a few good questions per purpose, all editable. */
export const defaultQuestions: Record<ChatPurpose, string[]> = {
  career_path: [
    'How did you get to where you are today?',
    'What do you wish you had known when you started?',
    'Which skills have mattered most in your career so far?',
    'What would you do differently if you started again?',
    'Is there anyone else you think I should talk to?',
  ],
  company: [
    'What is the culture like on your team, day to day?',
    'How does the company support people who work remotely?',
    'What is the company focusing on this year?',
    'How are decisions made across teams?',
  ],
  role: [
    'What does a typical week look like in your role?',
    'What is the hardest part of the job, and the most rewarding?',
    'How is success measured in your role?',
    'What would you look for in someone joining your team?',
  ],
  industry: [
    'Which trends are changing your industry right now?',
    'Who should I follow or read to understand the field?',
    'Which communities or events are worth joining?',
    'Where do you see the industry in five years?',
  ],
};

/** Questions are unique per purpose ignoring case and spacing. */
export const questionKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
