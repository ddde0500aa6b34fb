/**
 * Common Swedish first names and surnames (lower case), for the PII heuristic
 * that spots real-looking full names ("Anna Johansson") in text that should
 * hold none. A name counts only as first name + surname, both capitalised, so
 * ordinary words that are also names ("Per", "Stig", "Alva") alone pass.
 */

export const FIRST_NAMES_SV: ReadonlySet<string> = new Set([
  'anna', 'eva', 'maria', 'karin', 'sara', 'kristina', 'lena', 'emma', 'kerstin', 'ingrid',
  'marie', 'malin', 'jenny', 'hanna', 'linda', 'annika', 'susanne', 'elin', 'monica', 'birgitta',
  'sofia', 'johanna', 'inger', 'ulla', 'carina', 'elisabeth', 'julia', 'ida', 'linnéa', 'linnea',
  'louise', 'helena', 'camilla', 'cecilia', 'anneli', 'marianne', 'gunilla', 'margareta', 'ebba', 'elsa',
  'alice', 'maja', 'astrid', 'wilma', 'alva', 'freja', 'agnes', 'klara', 'matilda', 'amanda',
  'frida', 'therese', 'josefin', 'emelie', 'emilia', 'viktoria', 'åsa', 'lisa', 'caroline', 'siv',
  'lars', 'mikael', 'anders', 'johan', 'erik', 'per', 'peter', 'karl', 'thomas', 'jan',
  'daniel', 'fredrik', 'hans', 'andreas', 'stefan', 'mats', 'magnus', 'mattias', 'bengt', 'alexander',
  'jonas', 'oskar', 'nils', 'leif', 'björn', 'ulf', 'martin', 'henrik', 'sven', 'bo',
  'gustav', 'emil', 'lennart', 'patrik', 'göran', 'david', 'christer', 'kjell', 'simon', 'viktor',
  'oscar', 'william', 'lucas', 'hugo', 'elias', 'liam', 'noah', 'axel', 'adam', 'filip',
  'isak', 'anton', 'olle', 'arvid', 'ludvig', 'sebastian', 'robert', 'joakim', 'tobias', 'rolf',
  'stig', 'gunnar', 'åke', 'roger', 'tommy', 'marcus', 'markus', 'jesper', 'niklas', 'kent',
  'ahmed', 'mohammed', 'mohamed', 'ali', 'fatima', 'amina', 'yasmin', 'omar', 'hassan', 'leila',
]);

export const SURNAMES_SV: ReadonlySet<string> = new Set([
  'andersson', 'johansson', 'karlsson', 'nilsson', 'eriksson', 'larsson', 'olsson', 'persson', 'svensson', 'gustafsson',
  'pettersson', 'jonsson', 'jansson', 'hansson', 'bengtsson', 'jönsson', 'lindberg', 'jakobsson', 'magnusson', 'lindström',
  'olofsson', 'lindqvist', 'lindgren', 'berg', 'axelsson', 'bergström', 'lundberg', 'lind', 'lundgren', 'lundqvist',
  'mattsson', 'berglund', 'fredriksson', 'sandberg', 'henriksson', 'forsberg', 'sjöberg', 'wallin', 'engström', 'eklund',
  'danielsson', 'lundin', 'håkansson', 'björk', 'bergman', 'gunnarsson', 'holm', 'wikström', 'samuelsson', 'isaksson',
  'fransson', 'bergqvist', 'nyström', 'holmberg', 'arvidsson', 'löfgren', 'söderberg', 'nyberg', 'blomqvist', 'claesson',
  'nordström', 'mårtensson', 'lundström', 'ali', 'viklund', 'björklund', 'eliasson', 'pålsson', 'berggren', 'sandström',
  'lund', 'nordin', 'ström', 'åberg', 'hermansson', 'ekström', 'holmgren', 'sundberg', 'hedlund', 'dahlberg',
  'hellström', 'sjögren', 'abrahamsson', 'falk', 'martinsson', 'öberg', 'andreasson', 'strömberg', 'månsson', 'åkesson',
  'hansen', 'mohammed', 'ahmed', 'hassan', 'nordlund', 'edlund', 'dahl', 'forsman', 'sundqvist', 'nyman',
]);

/** Swedish surname endings; a capitalised word with one of them after a first name reads as a surname. */
export const SURNAME_ENDINGS: readonly string[] = [
  'sson', 'berg', 'ström', 'qvist', 'kvist', 'gren', 'lund', 'dahl', 'holm', 'strand', 'bäck', 'blad', 'lind', 'stedt',
];
