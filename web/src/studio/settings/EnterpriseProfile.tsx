import { EnterpriseProfile as Profile } from '../../common/EnterpriseProfile';
import { graphql } from '../../gql/hub';

const PROFILE = graphql(`
  query EnterpriseProfile($id: ID!) {
    enterprise(id: $id) {
      id
      kind
      nameZh
      nameEn
      region
      gln
      status
    }
  }
`);

const CHANGE_ENTERPRISE = graphql(`
  mutation ChangeEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {
    changeEnterprise(id: $id, input: $input, idempotencyKey: $key) {
      id
      nameZh
      nameEn
      region
      gln
      status
    }
  }
`);

/** The studio's directory entry (its admin changes it). */
export function EnterpriseProfile({ enterpriseId }: { enterpriseId: string }) {
  return <Profile enterpriseId={enterpriseId} documents={{ profile: PROFILE, change: CHANGE_ENTERPRISE }} />;
}
