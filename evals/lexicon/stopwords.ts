/**
 * Words that carry no checkable content: function words, conversational
 * filler and the generic verbs of consultations ("har", "känner", "says").
 * Content-word overlap (evidence search, plans, key facts) ignores them.
 */

export const STOPWORDS_SV: ReadonlySet<string> = new Set(`
och i att det som en på är av för med till den har de inte om ett han men var jag sig från
vi så kan man när år säger under också efter eller nu sin där vid mot ska skulle kommer ut
får finns vara hade alla andra mycket än här då sedan över bara in blir upp även vad få två
vill ha många hur mer går sverige kronor detta nya procent skall hon henne honom hans hennes
hen hens henom deras denna dessa dem dig din ditt dina du er era ert ni oss vår vårt våra mig min mitt mina
mej dej sej oj ja jo nej nä nja mm mhm hm eh öh ah aha okej ok okay tack hej hejsan bra fint
precis just liksom typ väl nog ju alltså ba lite liten lilla små stor stort stora något någon
några inget ingen inga ej icke aldrig utan dock samt vilken vilket vilka varför vilka dess
bli blev blivit vart varit är var finns fanns gör gjorde gjort göra gör säga sa sagt tror
tycker tyckte känner kände känns kändes verkar ser såg sett kom komma kommit går gick gått
tänker tänkte vet visste brukar brukade behöver behövde måste kunde borde ville vill får fick
fått tar tog tagit ge ger gav gett pratar pratade prata berättar berättade berätta säger
sagt frågar frågade undrar undrade haft hade patient patienten patientens pat pt läkare
läkaren doktor doktorn sköterska sköterskan hemma idag igår imorgon nu sen sedan innan
efter då redan fortfarande ännu gång gånger också bara kanske ungefär cirka ca runt kring
eftersom därför annars både hela helt heller själv själva sådan sådant sådana annat annan
mera mest mindre minst bättre sämre dag dagar vecka veckor månad månader år åren tid
ner upp fram bort iväg per nästa dagligen dagliga gånger kl vid behov
hos åt ur inom genom mellan enligt avseende gällande beträffande angående bakom framför bredvid jämfört jmf jfr pga enl ang resp dvs ffa inkl
`.split(/\s+/).filter(Boolean));

export const STOPWORDS_EN: ReadonlySet<string> = new Set(`
a an the and or but if then else of in on at to for from by with without about as into onto
over under up down out off again further once here there when where why how all any both
each few more most other some such no nor not only own same so than too very can will just
should now is are was were be been being have has had having do does did doing i me my
myself we our ours you your yours he him his she her hers it its they them their what which
who whom this that these those am would could might must shall may also yes yeah yep no nope
okay ok oh um uh hmm mm mhm well right like really actually just sort kind lot bit little
thing things think thought know knew feel felt feeling get got getting go going went gone
say said says tell told ask asked see saw seen come came take took taken give gave make made
patient patients doctor dr pt mr mrs ms today yesterday tomorrow day days week weeks month
months year years time times ago since still already ever never always usually sometimes
per daily next
`.split(/\s+/).filter(Boolean));
