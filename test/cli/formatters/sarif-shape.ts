/**
 * Checks a SARIF log against what the SARIF 2.1.0 specification (OASIS, 2020) makes mandatory for
 * the parts huashu writes: returns every violation, so a test shows them all at once.
 */
/**
 * The properties the SARIF 2.1.0 JSON schema (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json)
 * allows on the objects huashu writes: every one of them has `additionalProperties: false`.
 */
const ALLOWED: Record<string, readonly string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: [
    'tool',
    'invocations',
    'conversion',
    'language',
    'versionControlProvenance',
    'originalUriBaseIds',
    'artifacts',
    'logicalLocations',
    'graphs',
    'results',
    'automationDetails',
    'runAggregates',
    'baselineGuid',
    'redactionTokens',
    'defaultEncoding',
    'defaultSourceLanguage',
    'newlineSequences',
    'columnKind',
    'externalPropertyFileReferences',
    'threadFlowLocations',
    'taxonomies',
    'addresses',
    'translations',
    'policies',
    'webRequests',
    'webResponses',
    'specialLocations',
    'properties',
  ],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: [
    'guid',
    'name',
    'organization',
    'product',
    'productSuite',
    'shortDescription',
    'fullDescription',
    'fullName',
    'version',
    'semanticVersion',
    'dottedQuadFileVersion',
    'releaseDateUtc',
    'downloadUri',
    'informationUri',
    'globalMessageStrings',
    'notifications',
    'rules',
    'taxa',
    'locations',
    'language',
    'contents',
    'isComprehensive',
    'localizedDataSemanticVersion',
    'minimumRequiredLocalizedDataSemanticVersion',
    'associatedComponent',
    'translationMetadata',
    'supportedTaxonomies',
    'properties',
  ],
  reportingDescriptor: [
    'id',
    'deprecatedIds',
    'guid',
    'deprecatedGuids',
    'name',
    'deprecatedNames',
    'shortDescription',
    'fullDescription',
    'messageStrings',
    'defaultConfiguration',
    'helpUri',
    'help',
    'relationships',
    'properties',
  ],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  result: [
    'ruleId',
    'ruleIndex',
    'rule',
    'kind',
    'level',
    'message',
    'analysisTarget',
    'locations',
    'guid',
    'correlationGuid',
    'occurrenceCount',
    'partialFingerprints',
    'fingerprints',
    'stacks',
    'codeFlows',
    'graphs',
    'graphTraversals',
    'relatedLocations',
    'suppressions',
    'baselineState',
    'rank',
    'attachments',
    'hostedViewerUri',
    'workItemUris',
    'provenance',
    'fixes',
    'taxa',
    'webRequest',
    'webResponse',
    'properties',
  ],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  location: [
    'id',
    'physicalLocation',
    'logicalLocations',
    'message',
    'annotations',
    'relationships',
    'properties',
  ],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: [
    'startLine',
    'startColumn',
    'endLine',
    'endColumn',
    'charOffset',
    'charLength',
    'byteOffset',
    'byteLength',
    'snippet',
    'message',
    'sourceLanguage',
    'properties',
  ],
  artifactContent: ['text', 'binary', 'rendered', 'properties'],
  fix: ['description', 'artifactChanges', 'properties'],
  artifactChange: ['artifactLocation', 'replacements', 'properties'],
  replacement: ['deletedRegion', 'insertedContent', 'properties'],
  artifact: [
    'description',
    'location',
    'parentIndex',
    'offset',
    'length',
    'roles',
    'mimeType',
    'contents',
    'encoding',
    'sourceLanguage',
    'hashes',
    'lastModifiedTimeUtc',
    'properties',
  ],
};

function unknownKeys(value: unknown, kind: string, at: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const allowed = ALLOWED[kind] ?? [];
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${at}.${key} is not a property of ${kind} (additionalProperties: false)`);
}

/** Every object of the log checked against its allowed properties. */
function additionalProperties(log: Record<string, unknown>): string[] {
  const problems = unknownKeys(log, 'log', '$');
  const each = (list: unknown, f: (item: Record<string, unknown>, i: number) => void) => {
    if (Array.isArray(list))
      list.forEach(
        (item, i) => typeof item === 'object' && item !== null && f(item as Record<string, unknown>, i),
      );
  };
  const region = (value: unknown, at: string) => {
    problems.push(...unknownKeys(value, 'region', at));
    if (typeof value === 'object' && value !== null)
      problems.push(
        ...unknownKeys((value as { snippet?: unknown }).snippet, 'artifactContent', `${at}.snippet`),
      );
  };
  each(log.runs, (run, r) => {
    problems.push(...unknownKeys(run, 'run', `runs[${r}]`));
    const tool = run.tool as Record<string, unknown> | undefined;
    problems.push(...unknownKeys(tool, 'tool', `runs[${r}].tool`));
    const driver = tool?.driver as Record<string, unknown> | undefined;
    problems.push(...unknownKeys(driver, 'toolComponent', `runs[${r}].tool.driver`));
    each(driver?.rules, (rule, i) => {
      problems.push(...unknownKeys(rule, 'reportingDescriptor', `rules[${i}]`));
      problems.push(...unknownKeys(rule.shortDescription, 'message', `rules[${i}].shortDescription`));
      problems.push(
        ...unknownKeys(
          rule.defaultConfiguration,
          'reportingConfiguration',
          `rules[${i}].defaultConfiguration`,
        ),
      );
    });
    each(run.artifacts, (artifact, i) => {
      problems.push(...unknownKeys(artifact, 'artifact', `artifacts[${i}]`));
      problems.push(...unknownKeys(artifact.contents, 'artifactContent', `artifacts[${i}].contents`));
    });
    each(run.results, (result, i) => {
      const at = `results[${i}]`;
      problems.push(
        ...unknownKeys(result, 'result', at),
        ...unknownKeys(result.message, 'message', `${at}.message`),
      );
      each(result.locations, (location, l) => {
        problems.push(...unknownKeys(location, 'location', `${at}.locations[${l}]`));
        const physical = location.physicalLocation as Record<string, unknown> | undefined;
        problems.push(...unknownKeys(physical, 'physicalLocation', `${at}.locations[${l}].physicalLocation`));
        problems.push(
          ...unknownKeys(
            physical?.artifactLocation,
            'artifactLocation',
            `${at}.locations[${l}].artifactLocation`,
          ),
        );
        region(physical?.region, `${at}.locations[${l}].region`);
      });
      each(result.fixes, (fix, f) => {
        problems.push(
          ...unknownKeys(fix, 'fix', `${at}.fixes[${f}]`),
          ...unknownKeys(fix.description, 'message', `${at}.fixes[${f}].description`),
        );
        each(fix.artifactChanges, (change, c) => {
          problems.push(...unknownKeys(change, 'artifactChange', `${at}.fixes[${f}].artifactChanges[${c}]`));
          each(change.replacements, (replacement, k) => {
            const where = `${at}.fixes[${f}].artifactChanges[${c}].replacements[${k}]`;
            problems.push(...unknownKeys(replacement, 'replacement', where));
            region(replacement.deletedRegion, `${where}.deletedRegion`);
            problems.push(
              ...unknownKeys(replacement.insertedContent, 'artifactContent', `${where}.insertedContent`),
            );
          });
        });
      });
    });
  });
  return problems;
}

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  const nonNegativeInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (!isObject(log)) return ['the log is not an object'];
  problems.push(...additionalProperties(log));
  if (log.version !== '2.1.0') problems.push('version must be "2.1.0" (§3.13.2)');
  if (typeof log.$schema !== 'string') problems.push('$schema should name the 2.1.0 schema (§3.13.3)');
  if (!Array.isArray(log.runs)) return [...problems, 'runs must be an array (§3.13.4)'];
  log.runs.forEach((run: unknown, r) => {
    if (!isObject(run)) return problems.push(`runs[${r}] is not an object`);
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver) return problems.push(`runs[${r}].tool.driver is required (§3.14.1, §3.18.2)`);
    if (typeof driver.name !== 'string' || driver.name === '')
      problems.push(`runs[${r}].tool.driver.name is required (§3.19.8)`);
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    rules.forEach((rule: unknown, i) => {
      if (!isObject(rule) || typeof rule.id !== 'string')
        problems.push(`rules[${i}].id is required (§3.49.3)`);
      else if (
        rule.shortDescription !== undefined &&
        (!isObject(rule.shortDescription) || typeof rule.shortDescription.text !== 'string')
      )
        problems.push(`rules[${i}].shortDescription must be a message with text (§3.49.9)`);
      if (
        isObject(rule) &&
        rule.helpUri !== undefined &&
        !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(String(rule.helpUri))
      )
        problems.push(`rules[${i}].helpUri must be an absolute URI (§3.49.12)`);
      if (isObject(rule) && isObject(rule.defaultConfiguration)) {
        const level = rule.defaultConfiguration.level;
        if (level !== undefined && !['none', 'note', 'warning', 'error'].includes(level as string))
          problems.push(`rules[${i}].defaultConfiguration.level is invalid (§3.50.3)`);
      }
    });
    const artifacts = Array.isArray(run.artifacts) ? run.artifacts : [];
    if (!Array.isArray(run.results)) return problems.push(`runs[${r}].results should be an array (§3.14.23)`);
    run.results.forEach((result: unknown, i) => {
      const at = `results[${i}]`;
      if (!isObject(result)) return problems.push(`${at} is not an object`);
      if (!isObject(result.message) || typeof result.message.text !== 'string')
        problems.push(`${at}.message.text is required (§3.27.11)`);
      if (typeof result.ruleId !== 'string') problems.push(`${at}.ruleId should be given (§3.27.5)`);
      if (
        result.level !== undefined &&
        !['none', 'note', 'warning', 'error'].includes(result.level as string)
      )
        problems.push(`${at}.level is invalid (§3.27.10)`);
      if (result.ruleIndex !== undefined) {
        const rule = rules[result.ruleIndex as number] as { id?: string } | undefined;
        if (!nonNegativeInt(result.ruleIndex) || rule?.id !== result.ruleId)
          problems.push(`${at}.ruleIndex must point at the rule with id ruleId (§3.27.6)`);
      }
      const locations = Array.isArray(result.locations) ? result.locations : [];
      if (locations.length === 0) problems.push(`${at}.locations should hold the finding's location`);
      locations.forEach((location: unknown, l) => {
        const physical =
          isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
        if (!physical) return problems.push(`${at}.locations[${l}].physicalLocation missing`);
        const artifact = physical.artifactLocation;
        if (!isObject(artifact))
          problems.push(`${at}.locations[${l}].physicalLocation.artifactLocation is required (§3.29.3)`);
        else if (typeof artifact.uri !== 'string' && !nonNegativeInt(artifact.index))
          problems.push(`${at}: artifactLocation needs a uri or an index (§3.4)`);
        else if (artifact.index !== undefined && artifacts[artifact.index as number] === undefined)
          problems.push(`${at}: artifactLocation.index points at no artifact (§3.4.5)`);
        else if (typeof artifact.uri === 'string' && /[\s\u0080-\uffff]/.test(artifact.uri))
          problems.push(
            `${at}: artifactLocation.uri must be a URI reference (no raw spaces or non-ASCII, §3.4.3)`,
          );
        const region = physical.region;
        if (!isObject(region)) return problems.push(`${at}.locations[${l}].physicalLocation.region missing`);
        if (!positiveInt(region.startLine)) problems.push(`${at}: region.startLine must be ≥ 1 (§3.30.5)`);
        if (region.startColumn !== undefined && !positiveInt(region.startColumn))
          problems.push(`${at}: region.startColumn must be ≥ 1 (§3.30.6)`);
        if (region.endLine !== undefined && (region.endLine as number) < (region.startLine as number))
          problems.push(`${at}: region.endLine before startLine (§3.30.7)`);
        if (
          region.endLine === region.startLine &&
          region.endColumn !== undefined &&
          (region.endColumn as number) < (region.startColumn as number)
        )
          problems.push(`${at}: region.endColumn before startColumn (§3.30.8)`);
        if (region.charOffset !== undefined && !nonNegativeInt(region.charOffset))
          problems.push(`${at}: region.charOffset must be ≥ 0 (§3.30.9)`);
        if (region.charLength !== undefined && !nonNegativeInt(region.charLength))
          problems.push(`${at}: region.charLength must be ≥ 0 (§3.30.10)`);
      });
    });
  });
  return problems;
}
