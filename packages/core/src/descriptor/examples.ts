/**
 * The File -> Snowflake workload of the Witboost Airbyte template, as a component descriptor: for tests,
 * benchmarks and people trying the core. Snowflake credentials come from the platform's profiles.
 */
export const witboostExampleDescriptor = `dataProduct:
  id: urn:dmb:dp:healthcare:vaccinations:0
  name: Vaccinations
  fullyQualifiedName: Vaccinations
  description: COVID-19 vaccination data, loaded daily
  kind: dataproduct
  domain: healthcare
  domainId: urn:dmb:dmn:healthcare
  environment: development
  version: 0.1.0
  dataProductOwner: user:jane.doe_example.com
  dataProductOwnerDisplayName: Jane Doe
  devGroup: group:healthcare-devs
  ownerGroup: group:healthcare-owners
  email: jane.doe@example.com
  informationSLA: 2BD
  maturity: Tactical
  useCaseTemplateId: urn:dmb:utm:dataproduct-template:0.0.0
  infrastructureTemplateId: urn:dmb:itm:dataproduct-provisioner:1
  specific: {}
  components:
    - kind: workload
      id: urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload
      name: Airbyte Workload
      fullyQualifiedName: Vaccinations Airbyte Workload
      description: Loads the epidemiology CSV into Snowflake
      version: 0.0.0
      infrastructureTemplateId: urn:dmb:itm:airbyte-provisioner:0
      useCaseTemplateId: urn:dmb:utm:airbyte-standard:0.0.0
      dependsOn: []
      platform: Snowflake
      technology: airbyte
      workloadType: batch
      connectionType: DataPipeline
      tags: []
      readsFrom: []
      specific:
        source:
          name: healthcare.vaccinations.0.File
          connectionConfiguration:
            url: https://storage.googleapis.com/covid19-open-data/v2/latest/epidemiology.csv
            format: csv
            provider:
              storage: HTTPS
              user_agent: false
            dataset_name: epidemiology
        destination:
          name: healthcare.vaccinations.0.Snowflake
          connectionConfiguration:
            database: HEALTHCARE
            schema: VACCINATIONS_0
        connection:
          name: healthcare.vaccinations.0.File-to-Snowflake
componentIdToProvision: urn:dmb:cmp:healthcare:vaccinations:0:airbyte-workload
`;
