/**
 * Diagnosis terms, grouped by meaning: a diagnosis in a note is supported
 * when any term of its group was said in the consultation ("lunginflammation"
 * supports "pneumoni", "förkylning" supports "övre luftvägsinfektion").
 * Swedish and English terms share groups; matching is word by word with
 * inflection endings, so list base forms. Short acronyms that are also
 * everyday words or units (ms, af, add, ra) are left out. Written for this
 * project.
 */
export const DIAGNOSIS_GROUPS: readonly (readonly string[])[] = [
  // Infections
  ['pneumoni', 'lunginflammation', 'pneumonia', 'chest infection'],
  ['bronkit', 'luftrörskatarr', 'bronchitis'],
  ['övre luftvägsinfektion', 'öli', 'förkylning', 'virusinfektion', 'upper respiratory infection', 'common cold', 'viral infection', 'förkyld'],
  ['influensa', 'flu', 'influenza'],
  ['covid', 'covid-19', 'corona', 'coronavirus'],
  ['sinuit', 'bihåleinflammation', 'sinusitis'],
  ['otit', 'öroninflammation', 'otitis', 'ear infection', 'otitis media'],
  ['tonsillit', 'halsfluss', 'tonsillitis', 'streptokockinfektion', 'strep throat', 'faryngit', 'pharyngitis'],
  ['urinvägsinfektion', 'uvi', 'urinary tract infection', 'uti'],
  ['cystit', 'blåskatarr', 'cystitis', 'nedre urinvägsinfektion'],
  ['pyelonefrit', 'njurbäckeninflammation', 'pyelonephritis'],
  ['gastroenterit', 'magsjuka', 'maginfluensa', 'gastroenteritis', 'stomach bug', 'vinterkräksjuka'],
  ['erysipelas', 'rosfeber'],
  ['cellulit', 'cellulitis'],
  ['borrelia', 'borrelios', 'lyme disease', 'erythema migrans'],
  ['bältros', 'herpes zoster', 'shingles'],
  ['konjunktivit', 'ögoninflammation', 'conjunctivitis', 'pink eye'],
  ['sepsis', 'blodförgiftning'],
  ['impetigo', 'svinkoppor'],
  ['klamydia', 'chlamydia'],
  ['svampinfektion', 'candida', 'fungal infection', 'thrush', 'svamp'],
  ['mononukleos', 'körtelfeber', 'mononucleosis', 'glandular fever'],
  // Cardiovascular
  ['hypertoni', 'högt blodtryck', 'hypertension', 'high blood pressure'],
  ['hypotoni', 'lågt blodtryck', 'hypotension', 'low blood pressure'],
  ['förmaksflimmer', 'flimmer', 'atrial fibrillation', 'afib'],
  ['hjärtsvikt', 'heart failure', 'hjärtinsufficiens'],
  ['hjärtinfarkt', 'infarkt', 'myocardial infarction', 'heart attack', 'stemi', 'nstemi'],
  ['angina pectoris', 'kärlkramp', 'angina'],
  ['djup ventrombos', 'dvt', 'blodpropp i benet', 'deep vein thrombosis', 'blodpropp', 'trombos'],
  ['lungemboli', 'blodpropp i lungan', 'pulmonary embolism'],
  ['stroke', 'slaganfall', 'hjärninfarkt', 'cerebral infarction'],
  ['tia', 'transitorisk ischemisk attack', 'transient ischemic attack'],
  ['hyperlipidemi', 'höga blodfetter', 'hyperkolesterolemi', 'högt kolesterol', 'hyperlipidemia', 'high cholesterol'],
  ['perifer kärlsjukdom', 'claudicatio', 'fönstertittarsjuka', 'peripheral artery disease'],
  // Respiratory and allergy
  ['astma', 'asthma', 'astmaanfall', 'astmaattack'],
  ['kol', 'kroniskt obstruktiv lungsjukdom', 'copd', 'emfysem', 'emphysema'],
  ['allergi', 'allergisk', 'allergy', 'allergic'],
  ['komjölksproteinallergi', 'komjölksallergi', 'mjölkproteinallergi', 'mjölkallergi', 'cow’s milk allergy'],
  ['allergisk rinit', 'hösnuva', 'pollenallergi', 'hay fever', 'allergic rhinitis'],
  ['anafylaxi', 'anafylaktisk', 'anaphylaxis'],
  ['sömnapné', 'sleep apnea'],
  // Endocrine and metabolic
  ['diabetes', 'diabetes mellitus', 'typ 2-diabetes', 'typ 1-diabetes', 'sockersjuka', 'type 2 diabetes'],
  ['hypotyreos', 'underfunktion i sköldkörteln', 'hypothyroidism', 'underactive thyroid'],
  ['hypertyreos', 'överfunktion i sköldkörteln', 'hyperthyroidism', 'overactive thyroid', 'giftstruma'],
  ['fetma', 'obesitas', 'obesity', 'övervikt', 'overweight'],
  ['osteoporos', 'benskörhet', 'osteoporosis'],
  ['gikt', 'gout', 'giktartrit', 'giktattack', 'giktanfall'],
  ['anemi', 'blodbrist', 'järnbrist', 'anemia', 'iron deficiency'],
  ['b12-brist', 'vitamin b12-brist', 'b12 deficiency'],
  // Gastrointestinal
  ['gastrit', 'magkatarr', 'gastritis'],
  ['magsår', 'ulcus', 'peptic ulcer', 'ulcer'],
  ['reflux', 'refluxsjukdom', 'gerd', 'sura uppstötningar', 'halsbränna', 'heartburn'],
  ['ibs', 'colon irritabile', 'irritable bowel syndrome', 'känslig tarm'],
  ['ulcerös kolit', 'ulcerative colitis'],
  ['crohns sjukdom', 'crohn', "crohn's disease"],
  ['celiaki', 'glutenintolerans', 'coeliac disease', 'celiac disease'],
  ['gallsten', 'kolecystit', 'gallstones', 'cholecystitis', 'gallstensanfall'],
  ['appendicit', 'blindtarmsinflammation', 'appendicitis'],
  ['divertikulit', 'diverticulitis'],
  ['förstoppning', 'obstipation', 'konstipation', 'constipation'],
  ['hemorrojder', 'hemorrhoids', 'haemorrhoids'],
  // Musculoskeletal
  ['lumbago', 'ryggskott', 'ländryggssmärta', 'lumbalgi', 'low back pain'],
  ['ischias', 'sciatica', 'lumbal rizopati'],
  ['diskbråck', 'disc herniation', 'herniated disc'],
  ['artros', 'osteoartrit', 'ledförslitning', 'osteoarthritis', 'arthrosis'],
  ['reumatoid artrit', 'ledgångsreumatism', 'rheumatoid arthritis'],
  ['tendinit', 'seninflammation', 'tendinopati', 'tendinitis', 'tendinopathy'],
  ['epikondylit', 'tennisarmbåge', 'epicondylitis', 'tennis elbow'],
  ['frozen shoulder', 'frusen skuldra', 'adhesiv kapsulit'],
  ['impingement', 'inklämningssyndrom'],
  ['fraktur', 'benbrott', 'fracture', 'broken bone'],
  ['distorsion', 'stukning', 'sprain', 'stukad'],
  ['whiplash', 'pisksnärtskada'],
  ['fibromyalgi', 'fibromyalgia'],
  ['plantarfasciit', 'hälsporre', 'plantar fasciitis'],
  ['karpaltunnelsyndrom', 'carpal tunnel syndrome'],
  ['bursit', 'slemsäcksinflammation', 'bursitis'],
  // Neurology
  ['migrän', 'migraine', 'migränanfall', 'migränattack'],
  ['spänningshuvudvärk', 'tension headache', 'tension-type headache'],
  ['epilepsi', 'epilepsy', 'kramper', 'seizure disorder'],
  ['demens', 'alzheimers sjukdom', 'alzheimer', 'dementia', 'kognitiv svikt'],
  ['parkinsons sjukdom', 'parkinson', "parkinson's disease"],
  ['multipel skleros', 'multiple sclerosis'],
  ['yrsel av perifer typ', 'kristallsjuka', 'bppv', 'benign paroxysmal positional vertigo', 'vestibularisneurit'],
  ['facialispares', 'bells pares', "bell's palsy"],
  ['neuropati', 'polyneuropati', 'neuropathy'],
  ['hjärnskakning', 'commotio', 'concussion'],
  // Psychiatry
  ['depression', 'egentlig depression', 'depressiv episod', 'nedstämdhet', 'depressed', 'deprimerad'],
  ['ångestsyndrom', 'generaliserat ångestsyndrom', 'anxiety disorder', 'ångest'],
  ['paniksyndrom', 'panikångest', 'panic disorder', 'panic attacks', 'panikattacker', 'panikattack'],
  ['agorafobi', 'torgskräck', 'agoraphobia'],
  ['utmattningssyndrom', 'utbrändhet', 'utmattningsdepression', 'burnout', 'utmattning'],
  ['ptsd', 'posttraumatiskt stressyndrom', 'post-traumatic stress disorder'],
  ['bipolär sjukdom', 'bipolär', 'bipolar disorder', 'manodepressiv'],
  ['adhd', 'uppmärksamhetsstörning'],
  ['autism', 'autismspektrumtillstånd', 'asperger'],
  ['insomni', 'sömnstörning', 'sömnsvårigheter', 'insomnia', 'sömnbesvär', 'sömnproblem', 'sover dåligt', 'svårt att sova', 'svårt att somna', 'dålig sömn', 'sover inte bra', 'sover inte så bra', 'sover illa', 'sover oroligt'],
  ['alkoholberoende', 'alkoholmissbruk', 'alcohol use disorder', 'alcoholism'],
  ['ätstörning', 'anorexi', 'bulimi', 'eating disorder', 'anorexia'],
  ['schizofreni', 'psykos', 'schizophrenia', 'psychosis'],
  ['ocd', 'tvångssyndrom', 'obsessive compulsive disorder'],
  ['anpassningsstörning', 'krisreaktion', 'adjustment disorder', 'stressreaktion'],
  // Kidney, urology, gynaecology
  ['njursvikt', 'kronisk njursjukdom', 'ckd', 'kidney failure', 'chronic kidney disease', 'njurinsufficiens'],
  ['njursten', 'uretärsten', 'kidney stone', 'nephrolithiasis', 'njurstensanfall'],
  ['prostatahyperplasi', 'förstorad prostata', 'bph', 'benign prostatic hyperplasia'],
  ['prostatit', 'prostatitis'],
  ['inkontinens', 'urinläckage', 'incontinence'],
  ['endometrios', 'endometriosis'],
  ['graviditet', 'gravid', 'pregnancy', 'pregnant'],
  ['preeklampsi', 'havandeskapsförgiftning', 'pre-eclampsia', 'preeclampsia'],
  ['klimakteriebesvär', 'klimakteriet', 'menopaus', 'menopause'],
  ['pcos', 'polycystiskt ovariesyndrom', 'polycystic ovary syndrome'],
  // Skin, eye, ear
  ['eksem', 'atopisk dermatit', 'dermatit', 'eczema', 'dermatitis'],
  ['psoriasis'],
  ['urtikaria', 'nässelutslag', 'urticaria', 'hives'],
  ['akne', 'acne'],
  ['rosacea'],
  ['melanom', 'malignt melanom', 'melanoma'],
  ['scabies', 'skabb'],
  ['glaukom', 'grön starr', 'glaucoma'],
  ['katarakt', 'grå starr', 'cataract'],
  ['tinnitus', 'öronsus'],
  ['hörselnedsättning', 'hearing loss', 'nedsatt hörsel', 'hör sämre', 'hört sämre', 'hör dåligt', 'hörseln sämre'],
  ['vaxpropp', 'cerumen', 'earwax'],
  // Cancer, general
  ['cancer', 'tumör', 'malignitet', 'tumor', 'tumour', 'malignancy', 'carcinoma', 'karcinom'],
  ['bröstcancer', 'breast cancer'],
  ['prostatacancer', 'prostate cancer'],
  ['lungcancer', 'lung cancer'],
  ['koloncancer', 'tjocktarmscancer', 'kolorektal cancer', 'colon cancer', 'colorectal cancer'],
  ['lymfom', 'lymphoma'],
  ['leukemi', 'leukemia'],
];

/**
 * Diagnoses also said without their name, by words said together in one
 * sentence (word stems, start of word): "blodtrycket är fortfarande för
 * högt" supports hypertoni. The term names the group.
 */
export const DIAGNOSIS_COOCCURRENCE: readonly { term: string; stems: readonly string[] }[] = [
  { term: 'hypertoni', stems: ['blodtryck', 'hög'] },
  { term: 'hypotoni', stems: ['blodtryck', 'låg'] },
  { term: 'lumbago', stems: ['ont', 'rygg'] },
];

/**
 * Diagnoses a consultation implies by the drug it treats them with (the
 * drug's main indication in FASS): "du tar Lantus" supports "Diabetes" in
 * the history, "Levaxin" hypotyreos. Only drugs with one main indication;
 * drugs used for several conditions (SSRIs, inhalers, anticoagulants) are
 * left out so they cannot hide a wrong diagnosis. Names are matched in the
 * drug index (any name of the substance counts).
 */
export const DIAGNOSIS_BY_DRUG: readonly { term: string; drugs: readonly string[] }[] = [
  {
    term: 'diabetes',
    drugs: ['metformin', 'empagliflozin', 'dapagliflozin', 'semaglutid', 'insulin glargin', 'insulin degludek', 'insulin detemir',
      'insulin aspart', 'insulin lispro', 'humaninsulin', 'insulin'],
  },
  { term: 'hypotyreos', drugs: ['levotyroxin'] },
  { term: 'hypertoni', drugs: ['amlodipin', 'felodipin', 'enalapril', 'ramipril', 'losartan', 'kandesartan', 'hydroklortiazid'] },
  { term: 'hyperlipidemi', drugs: ['simvastatin', 'atorvastatin', 'rosuvastatin'] },
  { term: 'gikt', drugs: ['allopurinol'] },
];
