import { EnterpriseProfile } from '../common/EnterpriseProfile';
import { graphql } from '../gql/partner';

const PROFILE = graphql(`
  query PartnerEnterpriseProfile($id: ID!) {
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
  mutation ChangePartnerEnterprise($id: ID!, $input: EnterpriseChangeInput!, $key: String!) {
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

/** The partner's own directory entry: how studios and customers know it. */
export function PartnerProfile({ enterpriseId }: { enterpriseId: string }) {
  return <EnterpriseProfile enterpriseId={enterpriseId} documents={{ profile: PROFILE, change: CHANGE_ENTERPRISE }} />;
}
